// Free text → case facts. Every extractor reads the same Doc and writes to one Sink; the Sink's mentions are then
// merged, with conflicts left out of the case. Every value is built from a closed vocabulary and bounded numbers,
// so the case satisfies CaseSchema by construction (checked by the property tests on arbitrary input).
import type { Case } from '../engine/case-schema.js';
import { METASTASIS_SITES, PANEL_GENES, SEROSAL_KINDS, SYMPTOMS } from '../engine/case-schema.js';
import { karnofskyToEcog } from '../engine/index.js';
import type { Doc } from './doc.js';
import { makeDoc, mentionsAny, releasePooledDoc, scratchBytes } from './doc.js';
import { extractChest } from './extract-chest.js';
import { extractDriver } from './extract-driver.js';
import { emitMets, parseMets } from './extract-mets.js';
import { extractNodes } from './extract-nodes.js';
import { claimProgressingSites, emitProgression, findProgression } from './extract-progression.js';
import { extractScores } from './extract-scores.js';
import { extractTherapy } from './extract-therapy.js';
import { extractTumour } from './extract-tumour.js';
import { conflictQuestion, type Resolved, resolve, Sink } from './sink.js';
import { sortSmall } from './sort-small.js';
import type { Conflict, ParseResult, Span, Suspected, Understood } from './types.js';
import { EXTRACTOR_PATTERNS } from './vocabulary.js';

/** Only this many characters are read; the rest is reported in `ignored`. */
export const MAX_INPUT_CHARS = 20_000;

const LIST_ORDER: Record<string, readonly string[]> = {
  'metastases.sites': METASTASIS_SITES,
  symptoms: SYMPTOMS,
  serosalDisease: [...SEROSAL_KINDS, 'unspecified'],
  negativeFor: PANEL_GENES,
};

/** ECOG and Karnofsky agree when Ma 2010 maps one to the other, or at KPS 70/90 where other mappings give 1/0. */
function consistentPs(ecog: number, kps: number): boolean {
  if (karnofskyToEcog(kps) === ecog) return true;
  return (kps === 70 && ecog === 1) || (kps === 90 && ecog === 0);
}

const PARTS = new Map<string, readonly string[]>();
function partsOf(path: string): readonly string[] {
  let parts = PARTS.get(path);
  if (!parts) {
    parts = path.split('.');
    PARTS.set(path, parts);
  }
  return parts;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = partsOf(path);
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i] as string;
    const child = node[key];
    if (child && typeof child === 'object') node = child as Record<string, unknown>;
    else {
      const fresh: Record<string, unknown> = {};
      node[key] = fresh;
      node = fresh;
    }
  }
  node[parts[parts.length - 1] as string] = value;
}

/** decision-spec §4.2: a stated progression is never dropped. When the response words conflict and one of them is
 * PD, the case keeps PD (the conflict is still asked), so the engine needs the progression pattern instead of
 * answering as if nothing progressed. */
function keepStatedProgression(values: Map<string, unknown>, conflicts: readonly Conflict[]): void {
  if (values.has('therapy.response')) return;
  if (conflicts.some((c) => c.fact === 'therapy.response' && c.values.includes('PD')))
    values.set('therapy.response', 'PD');
}

function spansOfFact(sink: Sink, fact: string): Span[] {
  return sink.candidates.filter((c) => c.fact === fact).map((c) => c.span);
}

/** Cross-fact checks the per-fact merge cannot see. */
function crossCheck(values: Map<string, unknown>, conflicts: Conflict[], sink: Sink): void {
  const driver = values.get('driver');
  if (values.has('egfrVariant') && driver !== 'EGFR') values.delete('egfrVariant');

  const count = values.get('metastases.count');
  const organs = values.get('metastases.organs');
  if (typeof count === 'number' && typeof organs === 'number' && organs > count) {
    const vals = [count, `${organs} organs`];
    conflicts.push({
      fact: 'metastases.count',
      values: vals,
      spans: [...spansOfFact(sink, 'metastases.count'), ...spansOfFact(sink, 'metastases.organs')],
      question: conflictQuestion('metastases.count', vals),
    });
    values.delete('metastases.count');
  }

  // decision-spec §2: when ECOG and Karnofsky disagree the stated ECOG is used (the engine flags ps-conflict),
  // so both stay in the case; the question is still asked. Dropping them would let "ECOG 3, KPS 80" be read
  // as an unknown performance status assumed 0–1.
  const ecog = values.get('ecog');
  const kps = values.get('karnofsky');
  if (typeof ecog === 'number' && typeof kps === 'number' && !consistentPs(ecog, kps)) {
    const vals = [`ECOG ${ecog}`, `KPS ${kps}`];
    conflicts.push({
      fact: 'ecog',
      values: vals,
      spans: [...spansOfFact(sink, 'ecog'), ...spansOfFact(sink, 'karnofsky')],
      question: conflictQuestion('ecog', vals),
    });
  }
}

const FILLER = new Set(
  (
    'pt pts patient the a an with and or for of in on to is was has had have please advise advice thanks thank you hi ' +
    'hello dear team tumour tumor board mdt mdm case discuss discussion question q re regarding ref referral consider ' +
    'considering definitive thoracic rt radiotherapy radiation sbrt sabr srt should we would could can it indicated ' +
    'candidate opinion view review appreciated kind regards many yr yrs years year old yo y male female man woman ' +
    'gentleman lady mr mrs ms f m presented presents presenting known this that who what which how our your their ' +
    'his her he she they be been being are at as by from also now currently today new history hx background summary ' +
    'fit well lives alone independent smoker ex never pack pk py pys retired married widowed nil other otherwise ' +
    'comorbidities pmh dx diagnosis diagnosed palliative re'
  ).split(' '),
);
/** Suffixes of an age/sex word after one to three digits ("62f", "70yo", "40py"). */
const AGE_SEX_SUFFIX: ReadonlySet<string> = new Set([
  '',
  'yo',
  'y',
  'f',
  'm',
  'yr',
  'yrs',
  'yof',
  'yom',
  'py',
  'pys',
]);

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Every [a-z0-9] run of text[from, to) is a filler word or an age/sex word (`/^\d{1,3}(?:yo|y|…)?$/`). */
function isFiller(text: string, from: number, to: number): boolean {
  let i = from;
  while (i < to) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const ws = i;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    let digits = 0;
    while (ws + digits < i && text.charCodeAt(ws + digits) <= 57) digits++;
    if (digits > 0) {
      // No filler word has a digit: only the age/sex form is left.
      if (digits > 3 || !AGE_SEX_SUFFIX.has(text.slice(ws + digits, i))) return false;
    } else if (!FILLER.has(text.slice(ws, i))) return false;
  }
  return true;
}

/** The characters String.prototype.trim removes (WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}

/** covered[start, end) = 1 by a plain loop: the spans are a few characters long, shorter than the call of
 * TypedArray.prototype.fill costs. */
function cover(covered: Uint8Array, start: number, end: number): void {
  for (let i = Math.max(0, start); i < end; i++) covered[i] = 1;
}

function mark(covered: Uint8Array, spans: readonly Span[]): void {
  for (let k = 0; k < spans.length; k++) {
    const u = spans[k] as Span;
    cover(covered, u.start, u.end);
  }
}

function ignoredSpans(
  doc: Doc,
  understood: readonly Understood[],
  conflicts: readonly Conflict[],
  seen: readonly Span[],
): Span[] {
  // Mark what some fact, conflict or deliberate non-fact used; a clause with no mark and real words is ignored.
  const covered = scratchBytes('covered', doc.lower.length + 1);
  for (let k = 0; k < understood.length; k++) {
    const { span } = understood[k] as Understood;
    cover(covered, span.start, span.end);
  }
  for (const c of conflicts) mark(covered, c.spans);
  mark(covered, seen);
  const out: Span[] = [];
  for (const clause of doc.clauses) {
    let hit = false;
    for (let i = clause.start; i < clause.end && !hit; i++) hit = covered[i] === 1;
    if (hit) continue;
    const { lower } = doc;
    if (isFiller(lower, clause.start, clause.end)) continue;
    // The clause without its surrounding white space (it has a word, so both ends stop inside it).
    let start = clause.start;
    while (start < clause.end && isTrimmed(lower.charCodeAt(start))) start++;
    let end = clause.end;
    while (end > start && isTrimmed(lower.charCodeAt(end - 1))) end--;
    out.push({ start, end });
  }
  return out;
}

const NO_ORDER: readonly string[] = [];
function listOrder(fact: string): readonly string[] {
  return LIST_ORDER[fact] ?? NO_ORDER;
}

function bySpan(a: Understood, b: Understood): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

let SPAN_KEYS = new Float64Array(256);
const SORTED: Understood[] = [];

/** Stable sort by span: (start, end, index) packed into one number and sorted by the typed array's numeric sort
 * (no comparator calls; the understood list comes grouped by fact, far from sorted). Same order as bySpan. */
function sortBySpan(items: Understood[]): Understood[] {
  const n = items.length;
  if (n < 2) return items;
  if (n > 1024) return sortSmall(items, bySpan);
  if (SPAN_KEYS.length < n) SPAN_KEYS = new Float64Array(n * 2);
  const keys = SPAN_KEYS.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const { start, end } = (items[i] as Understood).span;
    // Offsets are below MAX_INPUT_CHARS < 2^15: start·2^25 + end·2^10 + i stays exact in a double.
    if (start < 0 || end < 0 || start >= 32768 || end >= 32768) return sortSmall(items, bySpan);
    keys[i] = start * 33554432 + end * 1024 + i;
  }
  keys.sort();
  for (let i = 0; i < n; i++) SORTED[i] = items[(keys[i] as number) % 1024] as Understood;
  for (let i = 0; i < n; i++) items[i] = SORTED[i] as Understood;
  SORTED.length = 0;
  return items;
}

/** The understood mentions of facts still in the case (crossCheck drops a few), filtered in place. */
function keepResolved(understood: Understood[], values: ReadonlyMap<string, unknown>): Understood[] {
  let n = 0;
  for (let i = 0; i < understood.length; i++) {
    const u = understood[i] as Understood;
    if (values.has(u.fact)) understood[n++] = u;
  }
  understood.length = n;
  return understood;
}

function parse(input: string): ParseResult {
  const doc = makeDoc(input.length > MAX_INPUT_CHARS ? input.slice(0, MAX_INPUT_CHARS) : input, true);
  const sink = new Sink(doc.text.length);

  // An extractor whose vocabulary triggers are all absent has nothing to read (src/parse/vocabulary.ts).
  if (mentionsAny(doc, EXTRACTOR_PATTERNS.tumour)) extractTumour(doc, sink);
  if (mentionsAny(doc, EXTRACTOR_PATTERNS.scores)) extractScores(doc, sink);
  extractNodes(doc, sink);
  const driver = mentionsAny(doc, EXTRACTOR_PATTERNS.driver) ? extractDriver(doc, sink) : {};
  const mets = parseMets(doc, sink);
  const progression = findProgression(doc, sink);
  claimProgressingSites(doc, progression, mets);
  emitMets(doc, sink, mets);
  if (mentionsAny(doc, EXTRACTOR_PATTERNS.chest)) extractChest(doc, sink);
  const therapy = extractTherapy(doc, sink, driver.driver);
  emitProgression(doc, sink, progression, mets, therapy.responses, therapy.historyBefore);

  const resolved = resolve(sink, listOrder);
  crossCheck(resolved.values, resolved.conflicts, sink);
  keepStatedProgression(resolved.values, resolved.conflicts);

  const built: Record<string, unknown> = {};
  for (const [fact, value] of resolved.values) setPath(built, fact, value);

  const understood: Understood[] = sortBySpan(keepResolved(resolved.understood, resolved.values));
  const conflicts = resolved.conflicts;
  const ignored = ignoredSpans(doc, understood, conflicts, sink.seen);
  if (input.length > MAX_INPUT_CHARS) ignored.push({ start: MAX_INPUT_CHARS, end: input.length });
  return { case: built as Case, understood, ignored, conflicts, suspected: openSuspicions(sink, resolved) };
}

/** One suspicion per fact, and none for a fact the text states or is in conflict about. */
function openSuspicions(sink: Sink, resolved: Resolved): Suspected[] {
  const out: Suspected[] = [];
  for (const s of sink.suspected) {
    if (resolved.values.has(s.fact) || out.some((o) => o.fact === s.fact)) continue;
    if (resolved.conflicts.some((c) => c.fact === s.fact)) continue;
    out.push(s);
  }
  return out;
}

/**
 * Read the case facts of decision-spec §2 from free text. Never throws; `case` always passes
 * `CaseSchema.safeParse`. A fact stated twice with different values is left out and returned as a conflict.
 */
export function parseCase(text: string): ParseResult {
  const input = typeof text === 'string' ? text : String(text ?? '');
  try {
    return parse(input);
  } catch {
    // A bug in an extractor must not take the caller down: nothing is claimed as understood.
    return {
      case: {},
      understood: [],
      ignored: input.length > 0 ? [{ start: 0, end: Math.min(input.length, MAX_INPUT_CHARS) }] : [],
      conflicts: [],
      suspected: [],
    };
  } finally {
    releasePooledDoc();
  }
}
