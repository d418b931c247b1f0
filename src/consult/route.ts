// "What kind of reply does this text want?", answered once for every front end from the text's one reading:
// help, the intake form, an evidence lookup, a general topic answer, nothing usable (empty), or a case answer.
import type { Topic } from '../engine/index.js';
import { type Classification, classifyIntent } from '../intents/classify.js';
import type { Intent } from '../intents/intent-schema.js';
import { readText } from './read-text.js';
import type { Reading } from './reading.js';

export type RouteKind = 'help' | 'form' | 'evidence' | 'topic' | 'empty' | 'answer';

export type Route =
  | { kind: 'help' | 'form' | 'empty' | 'answer'; reading: Reading; classification: Classification }
  | { kind: 'evidence'; query: string; reading: Reading; classification: Classification }
  | { kind: 'topic'; topic: Topic; reading: Reading; classification: Classification };

/** Intents whose question is about one topic of the knowledge base. */
const TOPIC_OF_INTENT: Readonly<Record<string, Topic>> = {
  dose: 'dose',
  timing: 'timing',
  'target-volume': 'target-volume',
  safety: 'safety',
};

/**
 * The one definition of "is this a case?": a text with at least one case fact is answered as a case, unless
 * it asks for help, the form or evidence by name, or asks a topic question without any core fact (stage,
 * driver, burden, progression, histology) — then it gets the general topic answer.
 */
export function route(text: string | Reading, intents: readonly Intent[], now?: Date): Route {
  const reading = typeof text === 'string' ? readText(text, now ? { now } : {}) : text;
  const classification = classifyIntent(reading.redacted, intents, { facts: reading.factPaths });
  const base = { reading, classification };
  switch (classification.intent) {
    case 'help':
    case 'form':
      return { kind: classification.intent, ...base };
    case 'evidence':
      return { kind: 'evidence', query: classification.rest, ...base };
  }
  const topic = TOPIC_OF_INTENT[classification.intent];
  if (topic && reading.coreFactCount === 0) return { kind: 'topic', topic, ...base };
  if (reading.factCount === 0) return { kind: 'empty', ...base };
  return { kind: 'answer', ...base };
}
