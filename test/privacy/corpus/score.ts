// Scores the identifier guard on the corpus in this folder (data, not code): identifier-string recall per class
// and the share of clinical texts the guard altered. Shared by `npm run eval:guard` and the corpus test.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const IdentifierCase = z.object({
  text: z.string().min(1),
  identifiers: z.array(z.object({ class: z.string().min(1), value: z.string().min(1) })).min(1),
});
const ClinicalCase = z.object({ text: z.string().min(1) });
export type IdentifierCase = z.infer<typeof IdentifierCase>;

/** What the scorer needs from a guard: its redacted text and whether it changed anything. */
export type GuardFn = (text: string) => { redacted: string; hits: readonly unknown[] };

function readJsonl<T>(name: string, schema: z.ZodType<T>): T[] {
  const url = new URL(name, import.meta.url);
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name} line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export const loadCorpus = () => ({
  identifiers: readJsonl('identifiers.jsonl', IdentifierCase),
  clinical: readJsonl('clinical.jsonl', ClinicalCase),
});

/** Folding the scorer applies to both sides, so that a full-width or zero-width disguise still counts as a leak. */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toLowerCase();
}

/** Words that carry no identity on their own ("aged", "bed", "Mr"): a value may keep them. */
const CONTEXT = new Set(
  'mr mrs ms miss dr prof pt patient name dob d o b born b yob age aged years year old yrs yr yo y of nhs no mrn number bed ward room bay side cubicle is a and'.split(
    ' ',
  ),
);

function tokens(s: string): string[] {
  return (fold(s).match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length >= 2 && !CONTEXT.has(t));
}

function countWord(haystack: string, word: string): number {
  let n = 0;
  for (const m of haystack.matchAll(/[\p{L}\p{N}]+/gu)) if (m[0] === word) n += 1;
  return n;
}

/** An identifier string survives when its folded form, or any of its identifying words, is still in the output
 * more often than the rest of the input (without the listed identifiers) explains. */
export function survives(c: IdentifierCase, value: string, redacted: string): boolean {
  const out = fold(redacted);
  if (out.includes(fold(value))) return true;
  let rest = fold(c.text);
  for (const id of c.identifiers) rest = rest.split(fold(id.value)).join(' ');
  return tokens(value).some((t) => countWord(out, t) > countWord(rest, t));
}

export interface Score {
  perClass: Map<string, { total: number; removed: number }>;
  identifierStrings: number;
  removed: number;
  leaks: { text: string; value: string; cls: string }[];
  clinicalTexts: number;
  altered: { text: string; redacted: string }[];
}

export function score(guard: GuardFn): Score {
  const { identifiers, clinical } = loadCorpus();
  const perClass = new Map<string, { total: number; removed: number }>();
  const leaks: Score['leaks'] = [];
  let removed = 0;
  let total = 0;
  for (const c of identifiers) {
    const { redacted } = guard(c.text);
    for (const id of c.identifiers) {
      const entry = perClass.get(id.class) ?? { total: 0, removed: 0 };
      perClass.set(id.class, entry);
      entry.total += 1;
      total += 1;
      if (survives(c, id.value, redacted)) leaks.push({ text: c.text, value: id.value, cls: id.class });
      else {
        entry.removed += 1;
        removed += 1;
      }
    }
  }
  const altered = clinical
    .map((c) => ({ text: c.text, result: guard(c.text) }))
    .filter((c) => c.result.hits.length > 0)
    .map((c) => ({ text: c.text, redacted: c.result.redacted }));
  return { perClass, identifierStrings: total, removed, leaks, clinicalTexts: clinical.length, altered };
}
