// Counts written as words ("six sites", "four cycles"), shared by the extractors that read them.
export const NUMBER_WORD_VALUES: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** A figure stated as "under n" ("< 6 months"), read just below it so that an "under n" threshold holds. */
export function justBelow(n: number): number {
  return Math.max(0, Math.round((n - 0.1) * 10) / 10);
}

const TEENS_AND_TENS: Readonly<Record<string, number>> = {
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
};

/** A duration written in words, "one" to "forty-nine" ("twenty-four", "twenty four"); NaN when it is not one. */
export function wordValue(words: string): number {
  let total = 0;
  for (const part of words.split(/[\s-]+/)) {
    const n = NUMBER_WORD_VALUES[part] ?? TEENS_AND_TENS[part];
    if (n === undefined) return Number.NaN;
    total += n;
  }
  return total;
}

/** The words wordValue reads, as a regex source (longest first, so "twenty-four" is not read as "four"). */
export const NUMBER_WORDS_SOURCE = String.raw`(?:(?:twenty|thirty|forty)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
