// `npm start` without credentials prints the guide: its worked example is read from examples/, not a copy.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/index.js';
import { printGuide } from '../../src/main/guide.js';
import { exampleInput, PUBLIC_EXAMPLES } from '../support/public-examples.js';

describe('printGuide', () => {
  it("shows the summary the engine gives for examples/ex1 and the file's name", () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    const ex1 = PUBLIC_EXAMPLES[0]!;
    const result = evaluate(exampleInput(ex1), { now });
    if (!result.ok) throw new Error('ex1 is invalid');
    const out: string[] = [];
    printGuide(now, (s) => out.push(s));
    const text = out.join('');
    expect(text).toContain(`Example (examples/${ex1.file}):\n  ${result.output.summary}`);
    expect(text).not.toContain('example invalid');
  });
});
