// Which intent a message asks for. In order: an empty message; a leading subcommand ("evidence CURB");
// otherwise trigger words score each intent, and the case facts of the text's one reading (src/consult/) score
// the intents that declare a caseFactWeight (a case summary is a consult). Nothing scoring → the fallback.
// The classifier never reads the text for facts itself: it is given what the reading found.

import type { Intent } from './intent-schema.js';

export interface Classification {
  intent: string;
  /** The subcommand the message started with, if any. */
  subcommand?: string;
  /** The text after the subcommand, or the whole trimmed text. */
  rest: string;
  /** Score of the chosen intent (0 for empty, fallback). */
  score: number;
  scores: Record<string, number>;
  /** Distinct top-level case facts the parser found (0 when not parsed). */
  caseFacts: number;
  reason: 'empty' | 'subcommand' | 'trigger' | 'case' | 'fallback';
}

export interface ClassifyOptions {
  /** Dotted paths of the case facts the reading found (understood or in conflict); none if omitted. */
  facts?: readonly string[];
}

interface Compiled {
  intent: Intent;
  triggers: { phrase: string; weight: number }[];
  subcommands: { word: string; re: RegExp }[];
}

const cache = new WeakMap<readonly Intent[], Compiled[]>();

/** Lower-case words separated by single spaces, plurals folded ("doses" → "dose"), padded with spaces. */
export function normalise(text: string): string {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return ` ${words.map(stem).join(' ')} `;
}

function stem(word: string): string {
  if (word.length >= 4 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(intents: readonly Intent[]): Compiled[] {
  const hit = cache.get(intents);
  if (hit) return hit;
  const compiled = intents.map((intent) => ({
    intent,
    triggers: intent.triggers.map((t) => {
      const phrase = typeof t === 'string' ? t : t.phrase;
      const norm = normalise(phrase);
      const words = norm.trim().split(' ').filter(Boolean).length;
      return { phrase: norm, weight: typeof t === 'string' ? words : t.weight };
    }),
    subcommands: intent.subcommands.map((word) => ({
      word,
      // "target-volume" also matches "target volume"; a slash may precede, a space/colon/end must follow.
      re: new RegExp(`^/?${word.split('-').map(escapeRegex).join('[\\s-]+')}(?=$|[\\s:,.!?])`, 'i'),
    })),
  }));
  cache.set(intents, compiled);
  return compiled;
}

/** Distinct top-level facts among the paths ("metastases.count" and "metastases.organs" count once). */
function countFacts(paths: readonly string[]): number {
  return new Set(paths.map((p) => p.split('.')[0])).size;
}

export function classifyIntent(
  text: string,
  intents: readonly Intent[],
  options: ClassifyOptions = {},
): Classification {
  const compiled = compile(intents);
  const trimmed = (typeof text === 'string' ? text : '').trim();
  const scores: Record<string, number> = {};
  for (const c of compiled) scores[c.intent.id] = 0;
  const fallback = compiled.find((c) => c.intent.fallback)?.intent.id ?? compiled[0]?.intent.id ?? 'help';

  if (trimmed === '') {
    const empty = compiled.find((c) => c.intent.empty)?.intent.id ?? fallback;
    return { intent: empty, rest: '', score: 0, scores, caseFacts: 0, reason: 'empty' };
  }

  // Longest subcommand first, so that "target-volume" wins over a shorter one sharing its start.
  const subs = compiled
    .flatMap((c) => c.subcommands.map((s) => ({ ...s, id: c.intent.id })))
    .sort((a, b) => b.word.length - a.word.length);
  for (const s of subs) {
    const m = s.re.exec(trimmed);
    if (m) {
      const rest = trimmed.slice(m[0].length).replace(/^[\s:,.!?-]+/, '');
      scores[s.id] = 1;
      return { intent: s.id, subcommand: s.word, rest, score: 1, scores, caseFacts: 0, reason: 'subcommand' };
    }
  }

  const norm = normalise(trimmed);
  const triggerScore: Record<string, number> = {};
  for (const c of compiled) {
    let score = 0;
    for (const t of c.triggers) if (norm.includes(t.phrase)) score += t.weight;
    triggerScore[c.intent.id] = score;
  }
  const caseFacts = countFacts(options.facts ?? []);
  // "on osimertinib, is SBRT safe with ILD?": the facts a triggered topic declares are what it asks about, so
  // they do not also score the case-fact intents against it.
  const asked = compiled.filter((c) => (triggerScore[c.intent.id] ?? 0) > 0 && !c.intent.caseFactWeight);
  const aboutTopic = (path: string) =>
    asked.some((c) => c.intent.facts.some((f) => path === f || path.startsWith(`${f}.`)));
  const otherFacts = countFacts((options.facts ?? []).filter((p) => !aboutTopic(p)));

  let best: { id: string; score: number; trigger: number } | undefined;
  for (const c of compiled) {
    const id = c.intent.id;
    const weight = c.intent.caseFactWeight ?? 0;
    const factScore = otherFacts >= (c.intent.minCaseFacts ?? 1) ? weight * otherFacts : 0;
    const score = (triggerScore[id] ?? 0) + factScore;
    scores[id] = score;
    if (
      score > 0 &&
      (!best || score > best.score || (score === best.score && (triggerScore[id] ?? 0) > best.trigger))
    ) {
      best = { id, score, trigger: triggerScore[id] ?? 0 };
    }
  }
  if (!best) return { intent: fallback, rest: trimmed, score: 0, scores, caseFacts, reason: 'fallback' };
  const reason = best.trigger >= best.score / 2 ? 'trigger' : 'case';
  return { intent: best.id, rest: trimmed, score: best.score, scores, caseFacts, reason };
}
