// `npm start` without credentials: after the playground URL, one line pointing to the CLI's help.
import { describe, expect, it } from 'vitest';
import { RULESET } from '../../src/engine/index.js';
import { printGuide } from '../../src/main/guide.js';

describe('printGuide', () => {
  it('prints one line: the CLI help command and the ruleset version', () => {
    const out: string[] = [];
    printGuide((s) => out.push(s));
    const text = out.join('');
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toContain('npm run consult -- --help');
    expect(text).toContain(RULESET.version);
  });
});
