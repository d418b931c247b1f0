// Public result types of the free-text case parser.
import type { Case } from '../engine/case-schema.js';

/** Offsets into the input text: `text.slice(start, end)` is the fragment. */
export interface Span {
  start: number;
  end: number;
}

/** One fact read from the text. `fact` is a dotted path of the case, e.g. `metastases.count`. */
export interface Understood {
  fact: string;
  value: unknown;
  span: Span;
}

/** The text states two or more values for one fact; the fact is left out of the case. */
export interface Conflict {
  fact: string;
  values: unknown[];
  spans: Span[];
  question: string;
}

/** A fact the text names only as possible ("possible ILD", "?endobronchial"), where leaving it unknown would let
 * the engine assume the favourable default: the front ends ask about it and answer at the suspected value. */
export interface Suspected {
  fact: string;
  value: unknown;
  span: Span;
  question: string;
}

export interface ParseResult {
  /** Always valid against `CaseSchema`; a fact that is unknown or in conflict is absent. */
  case: Case;
  understood: Understood[];
  /** Fragments that produced no fact (filler such as "62F" or "please advise" excluded). */
  ignored: Span[];
  conflicts: Conflict[];
  /** Safety facts named only as possible, not stated (never a fact that is understood or in conflict). */
  suspected: Suspected[];
}
