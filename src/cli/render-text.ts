// Terminal rendering of an answer: verdict, reasons, dose options, flags, numbered references.
import type { Reading } from '../consult/index.js';
import type { Output } from '../engine/index.js';
import { citationIdentifiers, citationLink, citationNumbers, markers } from '../present/citation-link.js';
import { DISCLAIMER, EVIDENCE_LABEL, TIMING_LABEL, VERDICT_LABEL } from '../present/labels.js';

const SEVERITY_MARK = { critical: '!!', warning: '! ', info: 'i ' } as const;

export function renderText(out: Output, extra: string[] = []): string {
  const n = citationNumbers(out.citations);
  const lines: string[] = [];
  lines.push(`${VERDICT_LABEL[out.verdict].toUpperCase()}  (ruleset ${out.rulesetVersion})`);
  lines.push(out.summary);
  if (out.verdict !== 'not-applicable' && out.verdict !== 'insufficient-information') {
    lines.push(`Timing:   ${TIMING_LABEL[out.timing]}`);
  }
  if (out.evidence) lines.push(`Evidence: ${EVIDENCE_LABEL[out.evidence]}`);
  lines.push(...extra);
  if (out.missing.length > 0) lines.push('', `Missing: ${out.missing.join(', ')}`);
  if (out.whatIf.length > 0) {
    lines.push('What if:');
    for (const w of out.whatIf) lines.push(`  • ${w.if} → ${VERDICT_LABEL[w.verdict]}`);
  }
  if (out.statements.length > 0) {
    lines.push('', 'Why');
    for (const s of out.statements) lines.push(`  • (${s.topic}) ${s.text} ${markers(s.citations, n)}`);
  }
  if (out.doseOptions.length > 0) {
    lines.push('', 'Dose options (choose by location and constraints)');
    for (const d of out.doseOptions) lines.push(`  • ${d.schedule}: ${d.setting} ${markers(d.citations, n)}`);
  }
  if (out.flags.length > 0) {
    lines.push('', 'Flags');
    for (const f of out.flags)
      lines.push(
        `  ${SEVERITY_MARK[f.severity]} ${f.code} (${f.severity}): ${f.text} ${markers(f.citations, n)}`,
      );
  }
  if (out.assumptions.length > 0) {
    lines.push('', 'Assumptions');
    for (const a of out.assumptions) lines.push(`  • ${a}`);
  }
  lines.push('', 'References');
  out.citations.forEach((c, i) => {
    const ids = citationIdentifiers(c);
    const link = citationLink(c);
    lines.push(`  [${i + 1}] ${c.label}${ids ? `. ${ids}` : ''}${link ? `. ${link}` : ''}`);
    if (c.note) lines.push(`      ${c.note}`);
  });
  lines.push('', DISCLAIMER);
  return `${lines.join('\n')}\n`;
}

/** How a free text was read, for the terminal: identifiers removed, facts with their words, conflicts, unused. */
export function readingLines(reading: Reading): string[] {
  const lines: string[] = [];
  if (reading.identifiersRemoved.length > 0)
    lines.push(
      `Identifiers removed before reading (${reading.identifiersRemoved.join(', ')}); they were not used or kept.`,
    );
  if (reading.understood.length > 0) {
    lines.push('', 'Understood');
    for (const u of reading.understood)
      lines.push(`  • ${u.fact} = ${JSON.stringify(u.value)}  ← "${u.text}"`);
  }
  const conflicting = reading.conflicts.filter((c) => c.kind === 'conflict');
  const suspected = reading.conflicts.filter((c) => c.kind === 'suspected');
  if (conflicting.length > 0) {
    lines.push('', 'Conflicts (please clarify)');
    for (const c of conflicting) lines.push(`  ? ${c.question}`);
  }
  if (suspected.length > 0) {
    lines.push('', 'Named only as possible (please confirm)');
    for (const c of suspected) lines.push(`  ? ${c.question}`);
  }
  if (reading.ignored.length > 0)
    lines.push('', `Not used: ${reading.ignored.map((s) => `"${s.text}"`).join(', ')}`);
  return lines;
}
