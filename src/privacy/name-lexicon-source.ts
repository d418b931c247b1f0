// The person-name and English word lists, read out of compromise's lexicon (MIT, a maintained NLP library).
// Loading compromise expands its whole compressed lexicon (~150 ms of start-up CPU, more than the rest of the
// app's own code), so the production build evaluates this module once at build time and ships the three lists
// as data (scripts/build.mjs); under tsx and in tests it runs here at import. Same lists either way.
import nlp from 'compromise/two';

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
}

export interface NameLexiconLists {
  given: string[];
  surnames: string[];
  english: string[];
}

export function nameLexiconLists(): NameLexiconLists {
  const lexicon = (nlp.model() as unknown as CompromiseModel).one.lexicon;
  const out: NameLexiconLists = { given: [], surnames: [], english: [] };
  for (const [word, tag] of Object.entries(lexicon)) {
    if (word.includes(' ')) continue;
    const tags = Array.isArray(tag) ? tag.join(',') : tag;
    if (/\b(?:MaleName|FemaleName|FirstName)\b/.test(tags)) out.given.push(word);
    else if (/\bLastName\b/.test(tags)) out.surnames.push(word);
    else if (!/\b(?:Person|Place|City|Country|Region|Organization|SportsTeam|ProperNoun)\b/.test(tags))
      out.english.push(word);
  }
  return out;
}
