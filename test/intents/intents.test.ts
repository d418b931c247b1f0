// Intents are data: every file validates, every example classifies to its own intent, and a new intent needs
// no code change.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readText } from '../../src/consult/index.js';
import { classifyIntent } from '../../src/intents/classify.js';
import type { Intent } from '../../src/intents/intent-schema.js';
import { isCaseFact } from '../../src/intents/intent-schema.js';
import {
  DEFAULT_INTENTS_DIR,
  IntentLoadError,
  loadIntents,
  loadIntentsOrThrow,
  loadIntentsSync,
  validateIntentSources,
} from '../../src/intents/load-intents.js';

/** Classifies as the app does: with the facts of the text's one reading. */
function classify(text: string, list: Parameters<typeof classifyIntent>[1] = intents) {
  return classifyIntent(text, list, { facts: readText(text).factPaths });
}

const IDS = ['consult', 'dose', 'evidence', 'form', 'help', 'safety', 'target-volume', 'timing'];

let intents: Intent[];
beforeAll(async () => {
  const result = await loadIntents();
  if (!result.ok) throw new Error(result.problems.join('\n'));
  intents = result.intents;
});

describe('intents folder', () => {
  it('holds the eight intents, each file named after its id', () => {
    expect(intents.map((i) => i.id).sort()).toEqual(IDS);
  });

  it('gives every intent a description, triggers, facts from the case schema and at least 10 examples', () => {
    for (const intent of intents) {
      expect(intent.description.length).toBeGreaterThan(10);
      expect(intent.triggers.length).toBeGreaterThan(0);
      expect(intent.examples.length).toBeGreaterThanOrEqual(10);
      for (const fact of intent.facts) expect(isCaseFact(fact), fact).toBe(true);
    }
  });

  it('loads the same way synchronously', () => {
    expect(loadIntentsSync()).toEqual({ ok: true, intents });
    expect(loadIntentsOrThrow(DEFAULT_INTENTS_DIR)).toEqual(intents);
  });
});

describe('every example classifies to its own intent', () => {
  it('covers all examples', () => {
    const misses: string[] = [];
    for (const intent of intents) {
      for (const example of intent.examples) {
        const c = classify(example, intents);
        if (c.intent !== intent.id) misses.push(`${intent.id}: "${example}" → ${c.intent}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('classifyIntent', () => {
  it('sends empty text to the form', () => {
    for (const text of ['', '   ', '\n'])
      expect(classify(text, intents)).toMatchObject({ intent: 'form', rest: '' });
  });

  it('lets a leading subcommand win and returns the rest', () => {
    expect(classify('evidence CURB', intents)).toMatchObject({
      intent: 'evidence',
      subcommand: 'evidence',
      rest: 'CURB',
      reason: 'subcommand',
    });
    expect(classify('help', intents)).toMatchObject({ intent: 'help', subcommand: 'help', rest: '' });
    expect(classify('/help', intents)).toMatchObject({ intent: 'help' });
    expect(classify('Evidence: NorthStar', intents)).toMatchObject({
      intent: 'evidence',
      rest: 'NorthStar',
    });
    expect(classify('form', intents)).toMatchObject({ intent: 'form', subcommand: 'form' });
    // A subcommand wins even over a case summary that follows it.
    expect(classify('help adeno EGFR ex19del 3 bone mets ECOG 1', intents).intent).toBe('help');
  });

  it('does not take a word that only starts like a subcommand', () => {
    expect(classify('formerly on gefitinib, EGFR ex19del, 2 bone mets, ECOG 1', intents).intent).toBe(
      'consult',
    );
    expect(classify('helpful? adeno EGFR ex19del 2 bone mets ECOG 1', intents).subcommand).toBeUndefined();
  });

  it('classifies a case summary as a consult because the parser finds several facts', () => {
    const c = classify('62F adeno EGFR ex19del 3 bone mets ECOG 1 TKI-naive', intents);
    expect(c).toMatchObject({ intent: 'consult', reason: 'case' });
    expect(c.caseFacts).toBeGreaterThanOrEqual(4);
    expect(c.rest).toBe('62F adeno EGFR ex19del 3 bone mets ECOG 1 TKI-naive');
  });

  it('keeps a topic question about a case on its topic', () => {
    expect(
      classify('adeno EGFR ex19del 3 bone mets ECOG 1 - what dose and fractionation?', intents).intent,
    ).toBe('dose');
    expect(classify('EGFR L858R on osimertinib, is SBRT safe with ILD?', intents).intent).toBe('safety');
  });

  it('falls back to help when nothing scores', () => {
    expect(classify('asdfgh', intents)).toMatchObject({ intent: 'help', reason: 'fallback', score: 0 });
  });

  it('counts the distinct top-level facts of the reading it is given', () => {
    const facts = ['histology', 'driver', 'metastases.count', 'metastases.organs'];
    expect(classifyIntent('zzz', intents, { facts })).toMatchObject({ intent: 'consult', caseFacts: 3 });
    expect(classifyIntent('zzz', intents)).toMatchObject({ caseFacts: 0 });
  });

  it('returns scores for every intent', () => {
    const c = classify('what dose for an ultracentral primary?', intents);
    expect(c.intent).toBe('dose');
    expect(Object.keys(c.scores).sort()).toEqual(IDS);
    expect(c.score).toBe(c.scores.dose);
  });
});

describe('loader errors name the file and the field', () => {
  const valid = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      description: `the ${id} intent`,
      triggers: [id],
      subcommands: [],
      facts: [],
      examples: Array.from({ length: 10 }, (_, i) => `${id} example ${i}`),
      ...extra,
    });
  const base = [
    { file: 'a.json', text: valid('a', { empty: true }) },
    { file: 'b.json', text: valid('b', { fallback: true }) },
  ];

  it('accepts a minimal valid set', () => {
    expect(validateIntentSources(base).ok).toBe(true);
  });

  it.each([
    ['broken JSON', { file: 'c.json', text: '{ "id": ' }, 'c.json: (file): not valid JSON'],
    ['a missing field', { file: 'c.json', text: JSON.stringify({ id: 'c' }) }, 'c.json: description:'],
    [
      'too few examples',
      { file: 'c.json', text: valid('c', { examples: ['one'] }) },
      'c.json: examples: give at least 10 realistic examples',
    ],
    [
      'an unknown fact',
      { file: 'c.json', text: valid('c', { facts: ['metastases.colour'] }) },
      'c.json: facts[0]:',
    ],
    [
      'an id that differs from the file name',
      { file: 'c.json', text: valid('d') },
      'c.json: id: "d" must match',
    ],
    ['an unknown key', { file: 'c.json', text: valid('c', { trigers: ['x'] }) }, 'c.json: (file):'],
    [
      'a bad trigger weight',
      { file: 'c.json', text: valid('c', { triggers: [{ phrase: 'x', weight: -1 }] }) },
      'c.json: triggers[0]',
    ],
  ])('reports %s', (_name, source, message) => {
    const result = validateIntentSources([...base, source]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain(message);
  });

  it('reports a subcommand claimed twice and a missing empty/fallback intent', () => {
    const result = validateIntentSources([
      { file: 'a.json', text: valid('a', { subcommands: ['go'] }) },
      { file: 'b.json', text: valid('b', { subcommands: ['go'] }) },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain('b.json: subcommands[0]: "go" is already a subcommand of a');
      expect(result.problems.some((p) => p.includes('empty: exactly one intent'))).toBe(true);
      expect(result.problems.some((p) => p.includes('fallback: exactly one intent'))).toBe(true);
    }
  });

  it('reports a folder that cannot be read, and throws a coded error on demand', async () => {
    const missing = join(tmpdir(), 'no-such-intents-folder-4711');
    expect(await loadIntents(missing)).toMatchObject({ ok: false });
    expect(() => loadIntentsOrThrow(missing)).toThrow(IntentLoadError);
  });
});

describe('adding an intent needs no code change', () => {
  it('classifies to a new intent dropped into the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intents-'));
    for (const id of IDS) {
      writeFileSync(join(dir, `${id}.json`), readFileSync(join(DEFAULT_INTENTS_DIR, `${id}.json`), 'utf8'));
    }
    writeFileSync(
      join(dir, 'prognosis.json'),
      JSON.stringify({
        id: 'prognosis',
        description: 'Expected survival for a case.',
        triggers: [
          { phrase: 'prognosis', weight: 4 },
          { phrase: 'how long will', weight: 4 },
        ],
        subcommands: ['prognosis'],
        facts: ['ecog', 'lifeExpectancyMonths'],
        examples: Array.from({ length: 10 }, (_, i) => `what is the prognosis for case ${i}?`),
      }),
    );
    const result = await loadIntents(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(classify('what is the prognosis with ECOG 2?', result.intents).intent).toBe('prognosis');
    expect(classify('prognosis EGFR oligomets', result.intents)).toMatchObject({
      intent: 'prognosis',
      rest: 'EGFR oligomets',
    });
  });
});
