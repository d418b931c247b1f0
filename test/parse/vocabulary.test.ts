// The vocabulary's contract: a pattern is tried only where one of its triggers starts, so every way a match of the
// pattern can begin must be a trigger (read from the pattern's source), and the trigger scan must find exactly what
// a global scan of the whole text finds. Also the tokenizer's offsets and normal forms, and the extractor gates.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARSER_CASES } from '../../bench/parser-cases.js';
import {
  makeDoc,
  matchAll,
  mentionsAny,
  POST_CUE_STARTS,
  POST_HEDGE_RE,
  POST_NEG_RE,
  patternsReadBy,
  patternsSeen,
  triggerStarts,
} from '../../src/parse/doc.js';
import { extractChest } from '../../src/parse/extract-chest.js';
import { extractDriver } from '../../src/parse/extract-driver.js';
import { extractScores } from '../../src/parse/extract-scores.js';
import { extractTumour } from '../../src/parse/extract-tumour.js';
import { parseCase } from '../../src/parse/index.js';
import { Sink } from '../../src/parse/sink.js';
import {
  EXTRACTOR_PATTERNS,
  type GatedExtractor,
  type PatternName,
  VOCABULARY,
} from '../../src/parse/vocabulary.js';
import { loadCorpus } from './corpus/score.js';
import { BOUNDED, covered, matchStarts } from './regex-starts.js';

const TEXTS = [...loadCorpus().map((p) => p.text), ...PARSER_CASES];

const GLOBAL_COPY = new Map<RegExp, RegExp>();
function globalScan(re: RegExp, text: string): [number, string][] {
  let g = GLOBAL_COPY.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    GLOBAL_COPY.set(re, g);
  }
  return [...text.matchAll(g)].map((m) => [m.index, m[0]]);
}

const NAME_OF = new Map<readonly string[], PatternName>(
  (Object.keys(VOCABULARY) as PatternName[]).map((n) => [VOCABULARY[n].triggers, n]),
);

describe('vocabulary triggers', () => {
  beforeAll(() => {
    // Reading the corpus runs every extractor, which records each pattern with the triggers it is read with.
    for (const t of TEXTS) parseCase(t);
  });

  it('every vocabulary entry is the trigger list of a pattern the parser reads', () => {
    const used = new Set([...patternsSeen().values()].map((p) => NAME_OF.get(p.triggers)));
    const unused = (Object.keys(VOCABULARY) as PatternName[]).filter((n) => !used.has(n));
    expect(unused).toEqual([]);
    for (const { triggers } of patternsSeen().values()) expect(NAME_OF.has(triggers)).toBe(true);
  });

  it('covers every way a match of its pattern can start', () => {
    const missed: string[] = [];
    for (const [re, { triggers }] of patternsSeen()) {
      // Prefixes one character longer than the longest trigger decide coverage.
      const limit = Math.max(...triggers.map((t) => t.length)) + 1;
      for (const start of matchStarts(re, limit)) {
        if (!covered(start, triggers))
          missed.push(`${NAME_OF.get(triggers)}: ${JSON.stringify(start)} (${re.source.slice(0, 40)}…)`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('holds only words a token can start with', () => {
    for (const [name, entry] of Object.entries(VOCABULARY)) {
      for (const t of entry.triggers) {
        const ok = t === '#' || /^(?:[a-z]+\d*[a-z]*|\d+[a-z]*)\$?$/.test(t) || /^[^\sa-z0-9]$/u.test(t);
        expect(ok, `${name}: ${t}`).toBe(true);
      }
    }
  });

  it('finds exactly the matches of a global scan, on the corpus and on random mixes of its words', () => {
    const words = [...new Set(TEXTS.flatMap((t) => t.toLowerCase().split(/\s+/)))].filter(Boolean);
    const mixes = fc.sample(
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }).map((w) => w.join(' ')),
      { numRuns: 300, seed: 14 },
    );
    // ~140,000 comparisons: collected, then asserted once (an expect per pair took seconds on a slow machine).
    const differing: { pattern: string | undefined; text: string; fast: string; scan: string }[] = [];
    for (const text of [...TEXTS, ...mixes]) {
      const doc = makeDoc(text);
      for (const [re, { triggers }] of patternsSeen()) {
        const fast = JSON.stringify(matchAll(doc, re, triggers).map((m) => [m.index, m[0]]));
        const scan = JSON.stringify(globalScan(re, doc.lower));
        if (fast !== scan) differing.push({ pattern: NAME_OF.get(triggers), text, fast, scan });
      }
    }
    expect(differing.slice(0, 5)).toEqual([]);
  }, 60_000);
});

describe('cues after a fragment', () => {
  it('every negation or hedge written after a fragment starts with a listed character', () => {
    for (const re of [POST_NEG_RE, POST_HEDGE_RE]) {
      for (const start of matchStarts(re, 4)) {
        // A prefix of white space only was cut at the length limit: the runtime check skips white space too.
        const first = [...start].find((ch) => ch !== BOUNDED && ch !== ' ' && ch !== '\n');
        if (first === undefined) continue;
        expect(POST_CUE_STARTS.includes(first), JSON.stringify(start)).toBe(true);
      }
    }
  });
});

describe('the coverage check itself', () => {
  it('reports a pattern start that no trigger names', () => {
    const starts = matchStarts(/\b(?:ecog|who)\s*\d/g);
    expect(starts.every((s) => covered(s, ['ecog', 'who']))).toBe(true);
    expect(starts.every((s) => covered(s, ['ecog']))).toBe(false);
    // An unanchored pattern can start inside a word: no word trigger covers it.
    expect(matchStarts(/met/g).every((s) => covered(s, ['met']))).toBe(false);
    expect(matchStarts(/(?<![\d.])\d+\s?cm/g).every((s) => covered(s, ['#']))).toBe(true);
  });
});

describe('tokenizer', () => {
  it('gives each token its normalised word, kind and offsets into the original text', () => {
    const text = 'ECOG 1–2, PD‑L1 80%; 4.2 x 3.1 cm RUL mass (T8)';
    const doc = makeDoc(text);
    expect(doc.lower).toHaveLength(text.length);
    for (const tok of doc.tokens) expect(doc.lower.slice(tok.start, tok.end)).toBe(tok.w);
    expect(doc.tokens.find((t) => t.w === 'ecog')?.start).toBe(0);
    expect(doc.tokens.find((t) => t.w === 'rul')?.start).toBe(text.indexOf('RUL'));
    const words = doc.tokens.map((t) => [t.w, t.kind]);
    expect(words).toContainEqual(['ecog', 'word']);
    expect(words).toContainEqual(['4.2', 'number']);
    expect(words).toContainEqual(['80', 'number']);
    expect(words).toContainEqual(['%', 'punct']);
    expect(words).toContainEqual(['t8', 'word']);
    // En dash and non-breaking hyphen are folded to "-", at the same offset.
    expect(doc.tokens.filter((t) => t.w === '-').map((t) => t.start)).toEqual([
      text.indexOf('–'),
      text.indexOf('‑'),
    ]);
  });

  it('keeps offsets when lower-casing changes a character length', () => {
    const text = 'İ EGFR L858R';
    const doc = makeDoc(text);
    const egfr = doc.tokens.find((t) => t.w === 'egfr');
    expect(egfr && text.slice(egfr.start, egfr.end)).toBe('EGFR');
  });

  it('splits clauses at commas, semicolons, sentence ends and brackets, not at decimal points', () => {
    const text = 'size 4.2 cm, no ILD; PS 1. (on osimertinib)';
    const clauses = makeDoc(text)
      .clauses.map((c) => text.slice(c.start, c.end).trim())
      .filter(Boolean);
    expect(clauses).toEqual(['size 4.2 cm', 'no ILD', 'PS 1', 'on osimertinib']);
  });
});

describe('trigger index', () => {
  it('lists where a trigger word starts, digit runs inside words for "#", and punctuation', () => {
    const text = 'C3 of chemo, ECOG 2 + ?adrenal';
    const doc = makeDoc(text);
    expect(triggerStarts(doc, VOCABULARY.ecog.triggers)).toEqual([text.indexOf('ECOG')]);
    expect(triggerStarts(doc, ['#'])).toEqual([1, text.indexOf('2')]);
    expect(triggerStarts(doc, VOCABULARY.scopeBreaker.triggers)).toEqual([text.indexOf('+')]);
    expect(triggerStarts(doc, VOCABULARY.negationCue.triggers)).toContain(text.indexOf('?'));
    expect(triggerStarts(doc, VOCABULARY.karnofsky.triggers)).toEqual([]);
  });

  it('an ad-hoc trigger list is scanned the same way as a vocabulary entry', () => {
    const doc = makeDoc('ECOG 2, ecog 1, x3 cycles');
    expect(triggerStarts(doc, ['ecog'])).toEqual(triggerStarts(doc, VOCABULARY.ecog.triggers));
    expect(triggerStarts(doc, ['#', 'x'])).toEqual(triggerStarts(doc, VOCABULARY.xCycles.triggers));
  });
});

describe('extractor gates', () => {
  const EXTRACTORS: Partial<
    Record<GatedExtractor, (doc: ReturnType<typeof makeDoc>, sink: Sink) => unknown>
  > = {
    tumour: extractTumour,
    scores: extractScores,
    driver: extractDriver,
    chest: extractChest,
  };

  it('each gate lists every pattern its extractor reads', () => {
    const docs = TEXTS.map((t) => makeDoc(t));
    for (const [name, run] of Object.entries(EXTRACTORS)) {
      const read = patternsReadBy(() => {
        for (const doc of docs) run(doc, new Sink(doc.text.length));
      });
      // Negation cues only qualify what other patterns found (doc.ts reads them once per text).
      const names = [...read]
        .map((t) => NAME_OF.get(t))
        .filter((n) => !n || VOCABULARY[n].fact !== 'polarity');
      const gate: readonly string[] = EXTRACTOR_PATTERNS[name as GatedExtractor];
      expect(
        names.filter((n) => n === undefined || !gate.includes(n)),
        name,
      ).toEqual([]);
    }
  });

  it('a closed gate never hides a fact: the extractor, run anyway, finds nothing', () => {
    const words = [...new Set(TEXTS.flatMap((t) => t.split(/\s+/)))].filter(Boolean);
    const mixes = fc.sample(
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
      { numRuns: 400, seed: 41 },
    );
    let closed = 0;
    for (const text of [...TEXTS, ...mixes]) {
      const doc = makeDoc(text);
      for (const [name, run] of Object.entries(EXTRACTORS)) {
        if (mentionsAny(doc, EXTRACTOR_PATTERNS[name as GatedExtractor])) continue;
        closed++;
        const sink = new Sink(text.length);
        run(doc, sink);
        expect([sink.candidates, sink.conflicts, sink.seen], `${name} on ${JSON.stringify(text)}`).toEqual([
          [],
          [],
          [],
        ]);
      }
    }
    expect(closed).toBeGreaterThan(100);
  });

  const drivers = (text: string) =>
    parseCase(text).understood.filter((u) => ['driver', 'negativeFor', 'egfrVariant'].includes(u.fact));

  it('a text without driver words yields no driver facts', () => {
    expect(drivers('62F adenocarcinoma RUL, 2 bone mets, ECOG 1, on carboplatin')).toEqual([]);
  });

  it('a text with driver words still does', () => {
    const facts = drivers('62F adenocarcinoma RUL, EGFR exon 19 deletion, ALK negative, ECOG 1');
    expect(facts.map((f) => [f.fact, f.value])).toEqual(
      expect.arrayContaining([
        ['driver', 'EGFR'],
        ['egfrVariant', 'ex19del'],
        ['negativeFor', 'ALK'],
      ]),
    );
  });

  it('a text without performance-status words yields no score, one with them does', () => {
    expect(parseCase('adenocarcinoma, 2 liver mets').case.ecog).toBeUndefined();
    expect(parseCase('adenocarcinoma, 2 liver mets, WHO PS 2').case.ecog).toBe(2);
  });
});
