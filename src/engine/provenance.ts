// Outputs this engine produced: the audit store records them without re-validating what the engine already
// guarantees (a zod re-check of every answer was ~0.1 ms of each Slack command). Anything else handed to the
// store, including a copy or a spread of an engine output, is validated in full. Outputs are never mutated after
// evaluate() returns (readers only build blocks, text and JSON from them).
const produced = new WeakSet<object>();

export function markEngineOutput<T extends object>(output: T): T {
  produced.add(output);
  return output;
}

export function isEngineOutput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && produced.has(value);
}
