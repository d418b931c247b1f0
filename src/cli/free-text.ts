// Free-text consults: strip identifiers first, parse the redacted text into facts, evaluate, and show what
// was understood, what was not used and what conflicts, so the clinician can check the reading.
import { evaluate } from '../engine/index.js';
import { parseCase } from '../parse/index.js';
import { guardIdentifiers } from '../privacy/index.js';
import type { Io } from './consult.js';
import { renderText } from './render-text.js';

export async function consultFreeText(
  text: string,
  json: boolean,
  io: Pick<Io, 'out' | 'err' | 'now' | 'record'>,
): Promise<number> {
  const guard = guardIdentifiers(text);
  const redacted = guard.redacted;
  const parsed = parseCase(redacted);
  const result = evaluate(parsed.case, { now: io.now() });
  if (!result.ok) {
    // The parser promises a valid case; if not, that is our defect, not the user's input.
    io.err(
      `consult: internal error [E_PARSE_INVALID_CASE]: ${result.issues.map((i) => i.path).join(', ')}\n`,
    );
    return 1;
  }
  const understood = parsed.understood.map((u) => ({
    fact: u.fact,
    value: u.value,
    text: redacted.slice(u.span.start, u.span.end),
  }));
  const ignored = parsed.ignored.map((s) => redacted.slice(s.start, s.end)).filter((s) => s.trim());
  const conflicts = parsed.conflicts.map((c) => ({ fact: c.fact, values: c.values, question: c.question }));
  if (json) {
    const body = { ...result.output, understood, ignored, conflicts, identifiersRemoved: guard.kinds };
    io.out(`${JSON.stringify(body, null, 2)}\n`);
    await io.record?.(result.output);
    return 0;
  }
  const extra: string[] = [];
  if (guard.kinds.length > 0)
    extra.push(`Identifiers removed before reading (${guard.kinds.join(', ')}); they were not used or kept.`);
  if (understood.length > 0) {
    extra.push('', 'Understood');
    for (const u of understood) extra.push(`  • ${u.fact} = ${JSON.stringify(u.value)}  ← "${u.text}"`);
  }
  if (conflicts.length > 0) {
    extra.push('', 'Conflicts (left unknown; please clarify)');
    for (const c of conflicts) extra.push(`  ? ${c.question}`);
  }
  if (ignored.length > 0) extra.push('', `Not used: ${ignored.map((s) => `"${s}"`).join(', ')}`);
  io.out(renderText(result.output, extra));
  await io.record?.(result.output);
  return 0;
}
