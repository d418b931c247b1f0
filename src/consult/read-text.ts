// The one place free text is read: the identifier guard first, then the parser on the redacted text. Every
// front end reaches the parser only through here, so a request is guarded and parsed exactly once.
import { parseCase } from '../parse/index.js';
import { guardIdentifiers } from '../privacy/index.js';
import { type Reading, toReading } from './reading.js';

export function readText(text: string): Reading {
  const guard = guardIdentifiers(typeof text === 'string' ? text : '');
  return toReading(guard.redacted, guard.kinds, parseCase(guard.redacted));
}
