// Text normalisation shared by the knowledge index and understanding, so that a name in the
// data and the same name typed by a person reduce to the same string.
// Every step is a single linear pass: no regular expression here can backtrack.

/**
 * Longest input analysed. Longer messages keep their start, their end and the questions (sentences
 * ending in "?") in between, where what the person asks usually is.
 */
export const MAX_ANALYSED_CHARS = 2400;
/** Longest single question kept from the middle of a long message. */
const MAX_QUESTION_CHARS = 300;

const COMBINING_MARKS = /\p{M}+/gu;
/** French elisions ("l'ostéopathie", "d'un", "qu'il") split into two words: one letter (or "qu") at a word's start. */
const ELISION = /(?<![\p{L}\p{N}])(qu|[cdjlmnst])['\u2018\u2019\u02bc](?=\p{L})/giu;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Already normalised: lower-case ASCII words, single spaces (most names in the data, every key). */
const NORMALISED_ASCII = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
/** Printable ASCII: no accents to strip, so the Unicode-aware steps have ASCII equivalents that run
 * several times faster (start-up normalises every name of every monograph). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_ELISION = /(?<![a-z0-9])(qu|[cdjlmnst])'(?=[a-z])/g;
const ASCII_APOSTROPHES = /['`]/g;
const ASCII_NON_WORD = /[^a-z0-9]+/g;
/** "reiki = craniosacral?": an equals sign asks whether two things are the same, so it is kept as a word. */
const EQUALS_SIGNS = /[=\u2248\u2261]+/gu;
const ASCII_EQUALS_SIGNS = /=+/g;

/**
 * Lower-case, accent-free words separated by single spaces:
 * "Ostéopathie Crânienne" → "osteopathie cranienne"; "cranio-sacral!" → "cranio sacral";
 * "mom's" → "moms", but "l'allaitement" → "l allaitement"; "a = b" → "a equals b"; emoji and other
 * punctuation become word breaks.
 */
export function normalise(input: string): string {
  if (input.length <= MAX_ANALYSED_CHARS) {
    if (NORMALISED_ASCII.test(input)) return input;
    if (PRINTABLE_ASCII.test(input)) {
      return input
        .toLowerCase()
        .replace(ASCII_EQUALS_SIGNS, ' equals ')
        .replace(ASCII_ELISION, '$1 ')
        .replace(ASCII_APOSTROPHES, '')
        .replace(ASCII_NON_WORD, ' ')
        .trim();
    }
  }
  return capped(input)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(EQUALS_SIGNS, ' equals ')
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

/** Input within the cap: the first and last thirds, and the middle's questions in the third between. */
function capped(input: string): string {
  if (input.length <= MAX_ANALYSED_CHARS) return input;
  const third = MAX_ANALYSED_CHARS / 3;
  const middle = input.slice(third, input.length - third);
  const questions: string[] = [];
  let budget = third;
  for (let end = middle.indexOf('?'); end !== -1 && budget > 0; end = middle.indexOf('?', end + 1)) {
    // Look back at most MAX_QUESTION_CHARS for the sentence's start, so each question costs a bounded scan.
    const window = middle.slice(Math.max(0, end - MAX_QUESTION_CHARS), end + 1);
    const start = Math.max(window.lastIndexOf('.'), window.lastIndexOf('!'), window.lastIndexOf('\n'));
    const question = window.slice(start + 1);
    questions.push(question);
    budget -= question.length;
  }
  return `${input.slice(0, third)} ${questions.join(' ').slice(0, third)} ${input.slice(-third)}`;
}
