// Person-name word lists, taken from the lexicon of compromise (MIT, a maintained NLP library): about 3,100 given
// names and 900 surnames, plus its ~20,000 ordinary English words. Only the word lists are used: running
// compromise's tagger on every message would cost tens of milliseconds on 20 kB, and it is tuned for prose, not
// for "SMITH John 62M". Loaded once at import; lookups are O(1), so the guard stays linear.
import nlp from 'compromise/two';

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
}

const lexicon = (nlp.model() as unknown as CompromiseModel).one.lexicon;

const given = new Set<string>();
const surnames = new Set<string>();
const english = new Set<string>();
for (const [word, tag] of Object.entries(lexicon)) {
  if (word.includes(' ')) continue;
  const tags = Array.isArray(tag) ? tag.join(',') : tag;
  if (/\b(?:MaleName|FemaleName|FirstName)\b/.test(tags)) given.add(word);
  else if (/\bLastName\b/.test(tags)) surnames.add(word);
  else if (!/\b(?:Person|Place|City|Country|Region|Organization|SportsTeam|ProperNoun)\b/.test(tags))
    english.add(word);
}

/** Given names (lower case). */
export const GIVEN_NAMES: ReadonlySet<string> = given;
/** Surnames (lower case). */
export const SURNAMES: ReadonlySet<string> = surnames;
/** Ordinary English words (verbs, adjectives, nouns…) that compromise does not tag as names (lower case). */
export const ENGLISH_WORDS: ReadonlySet<string> = english;

export const isGivenName = (word: string): boolean => given.has(word.toLowerCase());
export const isSurname = (word: string): boolean => surnames.has(word.toLowerCase());
export const isEnglishWord = (word: string): boolean => english.has(word.toLowerCase());
