// The production build ships the guard's word lists evaluated at build time (scripts/name-lexicon-data.mjs)
// instead of loading compromise at every start: the shipped lists must be exactly what the source computes.
import { describe, expect, it } from 'vitest';
import { type NameLexiconLists, nameLexiconLists } from '../../src/privacy/name-lexicon-source.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SCRIPT = new URL('../../scripts/name-lexicon-data.mjs', import.meta.url).href;

describe('the name word lists of the production build', () => {
  it('are the lists the source module computes from compromise', async () => {
    const { evaluateNameLexicon } = (await import(SCRIPT)) as {
      evaluateNameLexicon(root: string): Promise<NameLexiconLists>;
    };
    const built = await evaluateNameLexicon(ROOT);
    const here = nameLexiconLists();
    expect(built).toEqual(here);
    expect(here.given.length).toBeGreaterThan(1000);
    expect(here.given).toContain('john');
    expect(here.english).not.toContain('john');
  });
});
