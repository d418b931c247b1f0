import { describe, expect, it } from 'vitest';
import type { Output } from '../../../src/engine/index.js';
import { citationLink } from '../../../src/present/citation-link.js';
import { DISCLAIMER, TOPIC_LABEL } from '../../../src/present/labels.js';
import { buildEvidence } from '../../../src/slack/blocks/evidence.js';
import { safeUrl } from '../../../src/slack/mrkdwn.js';
import { allowedUrls, allText, blocksOf, EXAMPLES, esc, expectNoInjection, expectValid } from './support.js';

describe.each(EXAMPLES)('buildEvidence for %s', (_name, output) => {
  const messages = buildEvidence(output);
  const text = allText(messages);

  it('passes every Block Kit limit', () => {
    expectValid(messages);
  });

  it('lists every statement under its topic, in topic order, with valid markers', () => {
    let last = -1;
    for (const s of output.statements) expect(text).toContain(esc(s.text));
    for (const topic of Object.keys(TOPIC_LABEL) as (keyof typeof TOPIC_LABEL)[]) {
      const heading = `*${TOPIC_LABEL[topic]}*`;
      if (output.statements.some((s) => s.topic === topic)) {
        const at = text.indexOf(heading);
        expect(at).toBeGreaterThan(last);
        last = at;
      }
    }
    for (const m of text.matchAll(/\[(\d+)\]/g)) {
      expect(Number(m[1])).toBeLessThanOrEqual(output.citations.length);
    }
    expect(text).not.toContain('[?]');
  });

  it('lists dose options, flags and the full numbered reference list with links', () => {
    for (const d of output.doseOptions) expect(text).toContain(`*${esc(d.schedule)}*`);
    for (const f of output.flags) expect(text).toContain(esc(f.text));
    output.citations.forEach((c, i) => {
      expect(text).toContain(`*[${i + 1}]*`);
      const href = citationLink(c);
      if (href) expect(text).toContain(`<${safeUrl(href)}|`);
    });
  });

  it('closes with the ruleset version and the disclaimer, and has no buttons', () => {
    expect(text).toContain(`Ruleset ${output.rulesetVersion}`);
    expect(text).toContain(esc(DISCLAIMER));
    expect(blocksOf(messages).some((b) => b.type === 'actions')).toBe(false);
    expectNoInjection(text, allowedUrls(output.citations));
  });
});

describe('buildEvidence splitting', () => {
  it('spreads a large evidence set over several messages without losing a statement or a reference', () => {
    const base = EXAMPLES[1]![1];
    const citations = Array.from({ length: 120 }, (_, i) => ({
      id: `c${i}`,
      label: `Author ${i} et al. A very long journal name that goes on and on ${i}`,
      title: `A title that is also fairly long, to fill the budget of the message quickly ${i}`,
      pmid: String(10_000_000 + i),
      doi: `10.1000/x${i}`,
    }));
    const big: Output = {
      ...base,
      citations,
      statements: Array.from({ length: 80 }, (_, i) => ({
        topic: (['candidacy', 'timing', 'dose', 'target-volume', 'safety', 'selection'] as const)[i % 6]!,
        text: `Statement ${i}. ${'Long evidence sentence with figures 17.1 vs 10.6 months. '.repeat(8)}`,
        citations: [`c${i}`, `c${(i * 7) % 120}`],
      })),
      doseOptions: [],
      flags: [],
    };
    const messages = buildEvidence(big);
    expect(messages.length).toBeGreaterThan(2);
    expectValid(messages);
    const text = allText(messages);
    for (let i = 0; i < 80; i++) expect(text).toContain(`Statement ${i}.`);
    // Only cited references are listed, numbered in the answer's order.
    const cited = new Set(big.statements.flatMap((s) => s.citations));
    const shown = citations.filter((c) => cited.has(c.id));
    shown.forEach((c, i) => {
      expect(text).toContain(`*[${i + 1}]* <https://doi.org/${c.doi}|${c.label}>`);
    });
    for (const c of citations) if (!cited.has(c.id)) expect(text).not.toContain(`${c.label}>`);
    expect(messages[1]!.text).toContain('continued');
  });
});
