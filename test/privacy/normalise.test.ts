// Normalisation before detection, the length cap, and offsets that map back to the original text.
import { describe, expect, it } from 'vitest';
import { guardIdentifiers, MAX_GUARD_INPUT_LENGTH } from '../../src/privacy/index.js';
import { normaliseForGuard } from '../../src/privacy/normalise.js';
import { expectWellFormed } from './helpers.js';

describe('normaliseForGuard', () => {
  it.each([
    ['full-width digits', 'MRN \uff11\uff12\uff13', 'MRN 123'],
    ['zero-width characters removed', '12\u200b/03\u2060/19\ufeff61', '12/03/1961'],
    ['a zero-width space between letters is a word break', 'Mr\u200bSmith', 'Mr Smith'],
    ['soft hyphen removed', 'Jo\u00adhn', 'John'],
    ['a soft hyphen before a capital is a word break', 'Dr\u00adSmith', 'Dr Smith'],
    ['CRLF and CR are line breaks', 'Mr\r\nSmith\rECOG 1', 'Mr\nSmith\nECOG 1'],
    ['no-break, narrow and thin spaces folded', 'a\u00a0b\u202fc\u2009d\u3000e', 'a b c d e'],
    ['tab folded to a space, newline kept', 'Mr\tSmith\nECOG 1', 'Mr Smith\nECOG 1'],
    ['hyphen variants folded', '12\u201103\u20101961 \u2212 x\u2013y', '12-03-1961 - x-y'],
    ['em dash kept', 'a \u2014 b', 'a \u2014 b'],
    ['Slack escapes decoded', 'V20 &lt; 30% &amp; MLD &gt; 5', 'V20 < 30% & MLD > 5'],
    ['user mention', 'hi <@U0123ABC> there', 'hi @U0123ABC there'],
    ['labelled link keeps its label', 'see <https://x.org/p/1|the portal>', 'see the portal'],
    ['mailto link', 'mail <mailto:a@b.com|a@b.com>', 'mail a@b.com'],
    ['bare link keeps its target', '<https://x.org/a>', 'https://x.org/a'],
    ['special mention', '<!here> review', '@here review'],
    ['combining marks compose', 'Zoe\u0308', 'Zo\u00eb'],
    ['Arabic-Indic digits', '\u0669\u0664\u0663', '943'],
    ['unclosed markup is text', 'a < b and <https://x', 'a < b and <https://x'],
  ])('%s', (_label, input, expected) => {
    expect(normaliseForGuard(input).text).toBe(expected);
  });

  it('maps every span back to the characters it came from', () => {
    const input = 'ab\u200dc \uff11\uff12 &amp; <@U1|jo> z';
    const n = normaliseForGuard(input);
    expect(n.text).toBe('abc 12 & jo z');
    expect(n.toOriginal(0, 3)).toEqual([0, 4]);
    expect(input.slice(...n.toOriginal(4, 6))).toBe('\uff11\uff12');
    expect(input.slice(...n.toOriginal(7, 8))).toBe('&amp;');
    expect(input.slice(...n.toOriginal(9, 10))).toBe('<@U1|jo>');
    expect(input.slice(...n.toOriginal(12, 13))).toBe('z');
  });

  it('reads nothing beyond the cap and never splits a surrogate pair', () => {
    const long = `${'a'.repeat(MAX_GUARD_INPUT_LENGTH - 1)}😀 MRN 12345678`;
    const n = normaliseForGuard(long);
    expect(n.truncated).toBe(true);
    expect(n.text).toBe('a'.repeat(MAX_GUARD_INPUT_LENGTH - 1));
    expect(normaliseForGuard('short').truncated).toBe(false);
  });
});

describe('guardIdentifiers: normalised output, original offsets', () => {
  it('builds redacted from the normalised text and reports offsets into the input', () => {
    const input = 'NHS\u00a0943\u200b476\u200b5919, DOB\u00a012\u201103\u20111961 &amp; Mr\tSmith';
    const r = guardIdentifiers(input);
    expect(r.redacted).toBe('NHS [MRN], DOB [DATE] & [NAME]');
    expect(r.hits.map((h) => input.slice(h.start, h.end))).toEqual([
      '943\u200b476\u200b5919',
      '12\u201103\u20111961',
      'Mr\tSmith',
    ]);
    expectWellFormed(input, r);
  });

  it('a hit inside Slack markup covers the whole markup token', () => {
    const input = 'contact <mailto:jo@x.org|jo@x.org> today';
    const r = guardIdentifiers(input);
    expect(r.redacted).toBe('contact [EMAIL] today');
    expect(input.slice(r.hits[0]?.start, r.hits[0]?.end)).toBe('<mailto:jo@x.org|jo@x.org>');
  });

  it('says when the text was truncated, and the tail never reaches redacted', () => {
    const input = `${'ECOG 1. '.repeat(MAX_GUARD_INPUT_LENGTH / 8)}Mr Smith MRN 12345678`;
    const r = guardIdentifiers(input);
    expect(r.truncated).toBe(true);
    expect(r.redacted).not.toContain('Smith');
    expect(r.redacted).not.toContain('12345678');
    expect(r.redacted.length).toBeLessThanOrEqual(MAX_GUARD_INPUT_LENGTH);
  });
});
