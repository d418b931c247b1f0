// The shape of a ParseResult: spans point into the text, understood values agree with the case, ignored
// fragments are real leftovers, long inputs are capped.
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_CHARS, parseCase } from '../../src/parse/index.js';
import { get } from './support.js';

const TEXT =
  '62F, adeno EGFR ex19del, 3 bone mets + R adrenal, ECOG 1, on osimertinib 3 months with PR, smoker 30 py, ' +
  'husband is a vet, lives in Leeds, RUL 2.8 cm peripheral';

describe('parse result', () => {
  const r = parseCase(TEXT);

  it('gives spans inside the text that cover the words of each fact', () => {
    expect(r.understood.length).toBeGreaterThan(10);
    for (const u of r.understood) {
      expect(u.span.start).toBeGreaterThanOrEqual(0);
      expect(u.span.end).toBeLessThanOrEqual(TEXT.length);
      expect(u.span.end).toBeGreaterThan(u.span.start);
    }
    const ecog = r.understood.find((u) => u.fact === 'ecog');
    expect(TEXT.slice(ecog?.span.start, ecog?.span.end)).toBe('ECOG 1');
    const agent = r.understood.find((u) => u.fact === 'therapy.agent');
    expect(TEXT.slice(agent?.span.start, agent?.span.end)).toBe('osimertinib');
  });

  it('lists understood facts in text order, each with the value the case holds', () => {
    const starts = r.understood.map((u) => u.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const u of r.understood) {
      const held = get(r.case, u.fact);
      if (Array.isArray(held)) expect(held).toContain(u.value);
      else expect(held).toEqual(u.value);
    }
  });

  it('reports fragments that gave no fact, but not filler such as age and sex', () => {
    const ignored = r.ignored.map((s) => TEXT.slice(s.start, s.end));
    expect(ignored).toEqual(['husband is a vet', 'lives in Leeds']);
    expect(ignored).not.toContain('62F');
  });

  it('returns an empty result for empty or blank text', () => {
    for (const text of ['', '   ', '\n\n']) {
      expect(parseCase(text)).toEqual({
        case: {},
        understood: [],
        ignored: [],
        conflicts: [],
        suspected: [],
      });
    }
  });

  it('reads only the first MAX_INPUT_CHARS characters and says so', () => {
    const head = 'ECOG 1, adeno. ';
    const long = `${head}${'x'.repeat(MAX_INPUT_CHARS)} ECOG 3`;
    const result = parseCase(long);
    expect(result.case.ecog).toBe(1);
    expect(result.ignored).toContainEqual({ start: MAX_INPUT_CHARS, end: long.length });
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(() => parseCase(undefined as unknown as string)).not.toThrow();
    expect(() => parseCase(42 as unknown as string)).not.toThrow();
    expect(parseCase(null as unknown as string).case).toEqual({});
  });

  it('keeps offsets when lower-casing changes the length of a character', () => {
    const text = 'İİİ ECOG 2';
    const result = parseCase(text);
    const ecog = result.understood.find((u) => u.fact === 'ecog');
    expect(text.slice(ecog?.span.start, ecog?.span.end)).toBe('ECOG 2');
  });

  it('is not fooled by words that merely contain a keyword', () => {
    const result = parseCase('lymphadenopathy; constructor; toString; hasOwnProperty; __proto__ metastases');
    expect(result.case.histology).toBeUndefined();
    expect(result.case.metastases).toBeUndefined();
  });
});
