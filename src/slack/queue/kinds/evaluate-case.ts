// A queued case is evaluated again by the worker at the request's own time, so every attempt (and a resume
// after a crash) gives the answer the user would have had at once. Nothing is recorded here: the worker
// writes the audit row with the job's completion.
import { consultCase } from '../../../consult/index.js';
import type { Output } from '../../../engine/index.js';
import { CodedError } from '../../../errors/index.js';

export async function evaluateQueuedCase(facts: unknown, at: Date): Promise<Output> {
  const c = await consultCase(facts, { now: at });
  if (!c.ok)
    throw new CodedError('E_PARSE_INVALID_CASE', `invalid case at ${c.issues.map((i) => i.path).join(', ')}`);
  return c.output;
}
