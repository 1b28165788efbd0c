// Text normalisation shared by the knowledge index and understanding, so that a name in the
// data and the same name typed by a person reduce to the same string.
// Every step is a single linear pass: no regular expression here can backtrack.

/** Longest input analysed. Longer messages keep their start and their end, where the question usually is. */
export const MAX_ANALYSED_CHARS = 1600;

const COMBINING_MARKS = /\p{M}+/gu;
/** French elisions ("l'ostéopathie", "d'un", "qu'il") split into two words: one letter (or "qu") at a word's start. */
const ELISION = /(?<![\p{L}\p{N}])(qu|[cdjlmnst])['\u2018\u2019\u02bc](?=\p{L})/giu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case, accent-free words separated by single spaces:
 * "Ostéopathie Crânienne" → "osteopathie cranienne"; "cranio-sacral!" → "cranio sacral";
 * "mom's" → "moms", but "l'allaitement" → "l allaitement"; emoji and punctuation become word breaks.
 */
export function normalise(input: string): string {
  return capped(input)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(ELISION, '$1 ')
    .replace(APOSTROPHES, '')
    .replace(NON_WORD, ' ')
    .trim();
}

/** The normalised words of a text. */
export function words(input: string): string[] {
  const n = normalise(input);
  return n === '' ? [] : n.split(' ');
}

/** Normalised and without spaces, so "cranio sacral" and "craniosacral" compare equal. */
export function compact(input: string): string {
  return normalise(input).replaceAll(' ', '');
}

/** The first and last halves of the cap, joined by a break, when the input is longer than the cap. */
function capped(input: string): string {
  if (input.length <= MAX_ANALYSED_CHARS) return input;
  const half = MAX_ANALYSED_CHARS / 2;
  return `${input.slice(0, half)} ${input.slice(-half)}`;
}
