// Person-name word lists, taken from the lexicon of compromise (MIT, a maintained NLP library): about 3,100 given
// names and 900 surnames, plus its ~20,000 ordinary English words. Only the word lists are used: running
// compromise's tagger on every message would cost tens of milliseconds on 20 kB, and it is tuned for prose, not
// for "SMITH John 62M". Loaded once at import; lookups are O(1), so the guard stays linear.
import { nameLexiconLists } from './name-lexicon-source.js';

// Built once at import (the production build ships the lists precomputed: see name-lexicon-source.ts).
const lists = nameLexiconLists();
const given = new Set<string>(lists.given);
const surnames = new Set<string>(lists.surnames);
const english = new Set<string>(lists.english);

/** Given names (lower case). */
export const GIVEN_NAMES: ReadonlySet<string> = given;
/** Surnames (lower case). */
export const SURNAMES: ReadonlySet<string> = surnames;
/** Ordinary English words (verbs, adjectives, nouns…) that compromise does not tag as names (lower case). */
export const ENGLISH_WORDS: ReadonlySet<string> = english;

export const isGivenName = (word: string): boolean => given.has(word.toLowerCase());
export const isSurname = (word: string): boolean => surnames.has(word.toLowerCase());
export const isEnglishWord = (word: string): boolean => english.has(word.toLowerCase());
