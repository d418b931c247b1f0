import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULESET } from '../../../src/engine/index.js';
import { citationLink } from '../../../src/present/citation-link.js';
import { buildEvidenceLookup, LOOKUP_SUGGESTIONS } from '../../../src/slack/blocks/evidence-lookup.js';
import { safeUrl } from '../../../src/slack/mrkdwn.js';
import { allowedUrls, allText, expectNoInjection, expectValid } from './support.js';

const urls = allowedUrls(RULESET.citations);

describe('buildEvidenceLookup', () => {
  it('finds NROG-002 with its link and the statements that cite it', () => {
    const m = buildEvidenceLookup('NROG-002', RULESET);
    expectValid([m]);
    const text = allText([m]);
    const nrog = RULESET.citations.find((c) => c.id === 'nrog-002')!;
    expect(text).toContain(`<${safeUrl(citationLink(nrog)!)}|`);
    expect(text).toContain('*Statements*');
    expect(text).toContain('PMID 39374473');
  });

  it('matches ignoring case, spaces and punctuation', () => {
    const a = allText([buildEvidenceLookup('nrog 002', RULESET)]);
    expect(a).toContain('NROG-002');
    expect(a).not.toContain('No match');
  });

  it('finds every suggested trial or topic', () => {
    for (const q of LOOKUP_SUGGESTIONS) {
      const m = buildEvidenceLookup(q, RULESET);
      expectValid([m]);
      expect(allText([m]), q).not.toContain('No match');
    }
  });

  it('lists at most ten items and counts the rest for a broad query', () => {
    const m = buildEvidenceLookup('pneumonitis', RULESET);
    expectValid([m]);
    const text = allText([m]);
    const refs = text.split('*Also cited')[0]!.match(/\*\[\d+\]\*/g) ?? [];
    const statements = text.match(/^• /gm) ?? [];
    expect(refs.length + statements.length).toBeLessThanOrEqual(10);
    expect(text).toContain('more.');
    for (const n of text.matchAll(/\[(\d+)\]/g)) expect(text).toContain(`*[${n[1]}]*`);
  });

  it('says there is no match and suggests queries, never echoing the query (it may hold what the guard missed)', () => {
    const m = buildEvidenceLookup('<!channel> zzzz Jonathan Quarrington', RULESET);
    expectValid([m]);
    const text = allText([m]);
    expect(text).toContain('matches that query');
    expect(text).not.toMatch(/zzzz|Quarrington|channel&gt;/);
    for (const q of LOOKUP_SUGGESTIONS) expect(text).toContain(q);
    expectNoInjection(text, urls);
  });

  it('explains the usage for an empty query', () => {
    const m = buildEvidenceLookup('   ', RULESET);
    expectValid([m]);
    expect(allText([m])).toContain('/thoracic-rt evidence NROG-002');
  });

  it('never lets a random query ping, link or break the limits', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '<!channel>',
        '<!here>',
        '<@U123>',
        '<https://evil|click>',
        '&',
        '\u0000',
        'sindas',
        'rt',
      ),
    );
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 5 }), (parts) => {
        const m = buildEvidenceLookup(parts.join(''), RULESET);
        expectValid([m]);
        expectNoInjection(allText([m]), urls);
      }),
      { numRuns: 150 },
    );
  });
});
