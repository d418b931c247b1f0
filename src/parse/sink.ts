// Where extractors put what they read, and how mentions of one fact are merged: equal values agree, a value
// that refines another wins ("stage IV" + "stage IVB" = IVB), anything else is a conflict left out of the case.
import { CASE_FIELD_BY_PATH, CASE_FIELDS } from '../engine/facts.js';
import { scratchBytes } from './doc.js';
import { sortSmall } from './sort-small.js';
import type { Conflict, Span, Suspected, Understood } from './types.js';

export interface Candidate {
  fact: string;
  value: unknown;
  span: Span;
}

/** Marker value of a list fact stated as empty ("asymptomatic", "no malignant effusion"). */
export const NONE = '__none__';

/** Facts whose mentions are collected into a list instead of competing for one value (the fact catalogue). */
const LIST_FACTS: ReadonlySet<string> = new Set(CASE_FIELDS.filter((f) => f.list).map((f) => f.path));

type Refine = (a: unknown, b: unknown) => unknown;

const byPrefix: Refine = (a, b) => {
  if (typeof a !== 'string' || typeof b !== 'string') return undefined;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (lb.startsWith(la)) return b;
  if (la.startsWith(lb)) return a;
  return undefined;
};

const moreSpecific =
  (general: string, specific: string): Refine =>
  (a, b) => {
    if (a === general && b === specific) return b;
    if (b === general && a === specific) return a;
    return undefined;
  };

const REFINE: Record<string, Refine> = {
  'stage.t': byPrefix,
  'stage.n': byPrefix,
  'stage.m': byPrefix,
  'stage.group': byPrefix,
  'primary.location': moreSpecific('central', 'ultracentral'),
  'lung.ild': moreSpecific('ild', 'ipf'),
  // RECIST: complete response at some sites and partial at others is an overall partial response.
  'therapy.response': moreSpecific('CR', 'PR'),
  // A course's count only grows: "x4 → maintenance, now C10", "C4D1 today, CT after C3" tell one course over time.
  'therapy.cycles': (a, b) => (typeof a === 'number' && typeof b === 'number' ? Math.max(a, b) : undefined),
};

/** How a conflict question names a fact, where it reads better than the catalogue's label. */
const LABELS: Record<string, string> = {
  ecog: 'ECOG performance status',
  karnofsky: 'Karnofsky performance status',
  histology: 'the histology',
  driver: 'the driver',
  egfrVariant: 'the EGFR variant',
  brain: 'the brain metastasis status',
  'stage.t': 'the T category',
  'stage.n': 'the N category',
  'stage.m': 'the M category',
  'stage.edition': 'the TNM edition',
  'stage.group': 'the stage group',
  'metastases.count': 'the number of metastases',
  'metastases.burden': 'the metastatic burden',
  'therapy.status': 'the treatment status',
  'therapy.response': 'the response',
  'therapy.months': 'the months on treatment',
  'therapy.weeks': 'the weeks on treatment',
  'therapy.cycles': 'the number of cycles',
  'progression.pattern': 'the progression pattern',
  'progression.primaryProgressing': 'whether the primary is progressing',
  'primary.location': 'the primary tumour location',
  'primary.sizeCm': 'the primary tumour size (cm)',
  'primary.lobe': 'the lobe of the primary',
  'primary.endobronchial': 'endobronchial involvement',
  'lung.ild': 'the ILD status',
  'staging.petCt': 'PET-CT staging',
  'staging.brainMri': 'brain MRI staging',
  lifeExpectancyMonths: 'the life expectancy (months)',
  symptoms: 'the symptoms',
  primarySite: 'the primary site',
};

function describe(value: unknown): string {
  if (value === NONE) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** How a suspicion names its fact. */
const SUSPECT_LABELS: Record<string, string> = {
  'lung.ild': 'interstitial lung disease',
  'primary.endobronchial': 'endobronchial involvement',
};

export function suspicionQuestion(fact: string): string {
  const label = SUSPECT_LABELS[fact] ?? CASE_FIELD_BY_PATH.get(fact)?.label ?? fact;
  return `The text names ${label} as possible but not confirmed: is it present?`;
}

export function conflictQuestion(fact: string, values: readonly unknown[]): string {
  const label = LABELS[fact] ?? CASE_FIELD_BY_PATH.get(fact)?.label ?? fact;
  return `The text gives ${label} as ${values.map(describe).join(' and as ')}: which is right?`;
}

export class Sink {
  readonly candidates: Candidate[] = [];
  readonly conflicts: Conflict[] = [];
  /** Fragments recognised on purpose without setting a fact (negated, hedged, pending). */
  readonly seen: Span[] = [];
  /** Safety facts named as possible ("possible ILD"). */
  readonly suspected: Suspected[] = [];
  /** Characters one extractor owns; others must not read them again ("stable" of "brain mets, stable"). */
  private readonly consumed: Uint8Array;

  constructor(textLength: number) {
    this.consumed = scratchBytes('consumed', textLength + 1);
  }

  add(fact: string, value: unknown, start: number, end: number): void {
    this.candidates.push({ fact, value, span: { start, end } });
  }

  see(start: number, end: number): void {
    this.seen.push({ start, end });
  }

  consume(start: number, end: number): void {
    this.consumed.fill(1, start, end);
  }

  isConsumed(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.consumed[i] === 1) return true;
    return false;
  }

  /** A hedged mention of a safety fact: seen, and kept as a suspicion (parse-case.ts decides whether it is asked). */
  suspect(fact: string, value: unknown, start: number, end: number): void {
    this.seen.push({ start, end });
    this.suspected.push({ fact, value, span: { start, end }, question: suspicionQuestion(fact) });
  }

  conflict(fact: string, values: unknown[], spans: Span[]): void {
    this.conflicts.push({ fact, values, spans, question: conflictQuestion(fact, values) });
  }
}

export interface Resolved {
  /** Agreed value per fact (list facts: a sorted list). */
  values: Map<string, unknown>;
  understood: Understood[];
  conflicts: Conflict[];
}

function key(value: unknown): string {
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value}:${value}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** Distinct values in order of mention, then any value that another refines collapsed into it. */
function mergedValues(fact: string, cands: readonly Candidate[], from: number, to: number): unknown[] {
  const distinct: unknown[] = [];
  const seenKeys = new Set<string>();
  for (let j = from; j < to; j++) {
    const c = cands[j] as Candidate;
    const k = key(c.value);
    if (!seenKeys.has(k)) {
      seenKeys.add(k);
      distinct.push(c.value);
    }
  }
  const refine = REFINE[fact];
  if (!refine || distinct.length < 2) return distinct;
  const merged: unknown[] = [];
  for (const v of distinct) {
    let absorbed = false;
    for (let i = 0; i < merged.length && !absorbed; i++) {
      const r = refine(merged[i], v);
      if (r !== undefined) {
        merged[i] = r;
        absorbed = true;
      }
    }
    if (!absorbed) merged.push(v);
  }
  return merged;
}

/** A list fact: its items, or a conflict when the text also states it as empty. */
function resolveList(
  fact: string,
  cands: readonly Candidate[],
  from: number,
  to: number,
  order: readonly string[],
  out: Resolved,
): void {
  const items = new Set<string>();
  let none = false;
  for (let k = from; k < to; k++) {
    const value = (cands[k] as Candidate).value;
    if (value === NONE) none = true;
    else items.add(String(value));
  }
  if (items.size > 0 && none) {
    const listed = [...items];
    out.conflicts.push({
      fact,
      values: [[], listed],
      spans: spansOf(cands, from, to),
      question: conflictQuestion(fact, [[], listed]),
    });
    return;
  }
  const distinct = sortSmall([...items], (a, b) => order.indexOf(a) - order.indexOf(b));
  out.values.set(fact, distinct);
  for (let k = from; k < to; k++) {
    const c = cands[k] as Candidate;
    out.understood.push({ fact, value: c.value === NONE ? [] : c.value, span: c.span });
  }
}

function spansOf(cands: readonly Candidate[], from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (let k = from; k < to; k++) spans.push((cands[k] as Candidate).span);
  return spans;
}

function agreed(
  fact: string,
  value: unknown,
  cands: readonly Candidate[],
  from: number,
  to: number,
  out: Resolved,
): void {
  out.values.set(fact, value);
  for (let k = from; k < to; k++) out.understood.push({ fact, value, span: (cands[k] as Candidate).span });
}

/** The one conflict policy: one value (after refinement) is the fact; two or more leave it unknown and ask. */
function resolveOne(
  fact: string,
  cands: readonly Candidate[],
  from: number,
  to: number,
  out: Resolved,
): void {
  const first = (cands[from] as Candidate).value;
  let same = true;
  for (let k = from + 1; k < to && same; k++) same = (cands[k] as Candidate).value === first;
  const merged = same ? undefined : mergedValues(fact, cands, from, to);
  if (!merged || merged.length === 1) {
    agreed(fact, merged ? merged[0] : first, cands, from, to, out);
    return;
  }
  out.conflicts.push({
    fact,
    values: merged,
    spans: spansOf(cands, from, to),
    question: conflictQuestion(fact, merged),
  });
}

/** Fact names as small numbers (the names are a closed set: the extractors' literals), for grouping without a
 * Map and an array per fact on every parse. */
const FACT_ID = new Map<string, number>();
const FACT_NAME: string[] = [];
let factCount = new Int32Array(64);
let factFill = new Int32Array(64);
/** factMark[id] === stamp: the fact was met in this parse. */
let factMark = new Int32Array(64);
/** conflictMark[id] === stamp: an extractor already reported a conflict on the fact in this parse. */
let conflictMark = new Int32Array(64);
/** FACT_IS_LIST[id]: the fact collects a list (LIST_FACTS), looked up once per name. */
const FACT_IS_LIST: boolean[] = [];
let stamp = 0;
const CAND_FACT: number[] = [];
const FACT_ORDER: number[] = [];
const GROUPED: Candidate[] = [];
const NO_CANDIDATE: Candidate = { fact: '', value: undefined, span: { start: 0, end: 0 } };

function factId(fact: string): number {
  let id = FACT_ID.get(fact);
  if (id === undefined) {
    id = FACT_NAME.length;
    FACT_ID.set(fact, id);
    FACT_NAME.push(fact);
    FACT_IS_LIST.push(LIST_FACTS.has(fact));
    if (id >= factCount.length) {
      factCount = new Int32Array(id * 2);
      factFill = new Int32Array(id * 2);
      const mark = new Int32Array(id * 2);
      mark.set(factMark);
      factMark = mark;
      const cmark = new Int32Array(id * 2);
      cmark.set(conflictMark);
      conflictMark = cmark;
    }
  }
  return id;
}

/** The candidates grouped by fact (facts in order of first mention, candidates in order within each), in
 * buffers reused between parses; returns how many facts, their ids in FACT_ORDER and group ends in factFill. */
function groupByFact(cands: readonly Candidate[]): number {
  const n = cands.length;
  let facts = 0;
  stamp = stamp === 0x3fffffff ? 1 : stamp + 1;
  for (let k = 0; k < n; k++) {
    const id = factId((cands[k] as Candidate).fact);
    CAND_FACT[k] = id;
    if (factMark[id] !== stamp) {
      factMark[id] = stamp;
      FACT_ORDER[facts++] = id;
      factCount[id] = 0;
    }
    factCount[id] = (factCount[id] as number) + 1;
  }
  let at = 0;
  for (let f = 0; f < facts; f++) {
    const id = FACT_ORDER[f] as number;
    factFill[id] = at;
    at += factCount[id] as number;
  }
  for (let k = 0; k < n; k++) {
    const id = CAND_FACT[k] as number;
    GROUPED[factFill[id] as number] = cands[k] as Candidate;
    factFill[id] = (factFill[id] as number) + 1;
  }
  return facts;
}

/** Merge all candidates of each fact; `order` gives the canonical order of list items. */
export function resolve(sink: Sink, order: (fact: string) => readonly string[]): Resolved {
  const facts = groupByFact(sink.candidates);
  const conflicts = sink.conflicts;
  // groupByFact has just advanced the stamp, so older marks do not count.
  for (let c = 0; c < conflicts.length; c++) {
    // factId may grow conflictMark, so the id comes first.
    const id = factId((conflicts[c] as Conflict).fact);
    conflictMark[id] = stamp;
  }
  const out: Resolved = { values: new Map(), understood: [], conflicts: conflicts.slice() };
  for (let f = 0; f < facts; f++) {
    const id = FACT_ORDER[f] as number;
    if (conflictMark[id] === stamp) continue;
    const fact = FACT_NAME[id] as string;
    const to = factFill[id] as number;
    const from = to - (factCount[id] as number);
    if (FACT_IS_LIST[id] === true) resolveList(fact, GROUPED, from, to, order(fact), out);
    else resolveOne(fact, GROUPED, from, to, out);
  }
  // Keep the buffer's capacity but not the candidates.
  GROUPED.fill(NO_CANDIDATE, 0, sink.candidates.length);
  return out;
}
