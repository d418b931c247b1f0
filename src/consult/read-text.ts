// The one place free text is read: the identifier guard first, then the parser on the redacted text. Every
// front end reaches the parser only through here, so a request is guarded and parsed exactly once.
import { parseCase } from '../parse/index.js';
import { guardIdentifiers } from '../privacy/index.js';
import { type Reading, toReading } from './reading.js';

export interface ReadOptions {
  /** The request's time: a birth year is an age over 89 relative to it (the guard itself has no clock). */
  now?: Date;
}

export function readText(text: string, options: ReadOptions = {}): Reading {
  const referenceYear = options.now?.getUTCFullYear();
  const guard = guardIdentifiers(
    typeof text === 'string' ? text : '',
    referenceYear ? { referenceYear } : {},
  );
  return toReading(guard.redacted, guard.kinds, parseCase(guard.redacted));
}
