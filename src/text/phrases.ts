// A small, linear-time phrase matcher over normalised words. The cue phrases in data/ (red flags,
// topics, intents) are written in this pattern language instead of regular expressions, so that
// data maintainers cannot introduce a pattern that backtracks catastrophically.
//
// Pattern language (words separated by spaces, normalised like user text):
//   word        that exact word
//   word*       any word starting with "word" (numb* matches numb, numbness)
//   a|b|c*      any of the alternatives; each is ONE word, so write "do not" and "dont"
//               as two patterns, never "dont|do not"
//   #           a number (12, 80)
//   *           a gap of up to MAX_GAP words (zero words allowed)
//   @name       any word of a named word list (a macro), e.g. @medicine; see expandMacros
// A pattern may not start or end with a gap.
import { normalise } from './normalise';

export const MAX_GAP = 4;

type Alternative = { kind: 'word'; word: string } | { kind: 'prefix'; prefix: string } | { kind: 'number' };
type Slot = { kind: 'gap' } | { kind: 'any-of'; alternatives: Alternative[] };

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and one past the last matched word. */
  start: number;
  end: number;
}

export class PatternError extends Error {}

/** Replaces each "@name" alternative of a pattern with the words of that list ("a|b|c"). */
export function expandMacros(pattern: string, macros: Readonly<Record<string, readonly string[]>>): string {
  return pattern
    .split(/\s+/)
    .map((token) =>
      token
        .split('|')
        .map((alt) => {
          if (!alt.startsWith('@')) return alt;
          const list = macros[alt.slice(1)];
          if (!list) throw new PatternError(`unknown word list "${alt}"`);
          return list.join('|');
        })
        .join('|'),
    )
    .join(' ');
}

/** Parses one pattern; throws PatternError with a reason when it is not valid. */
export function parsePattern(pattern: string): Slot[] {
  const slots: Slot[] = pattern
    .trim()
    .split(/\s+/)
    .map((token): Slot => {
      if (token === '*') return { kind: 'gap' };
      const alternatives = token.split('|').map((alt): Alternative => {
        if (alt === '#') return { kind: 'number' };
        const isPrefix = alt.endsWith('*');
        const word = normalise(isPrefix ? alt.slice(0, -1) : alt).replaceAll(' ', '');
        if (word === '') throw new PatternError(`"${token}" has an empty alternative`);
        return isPrefix ? { kind: 'prefix', prefix: word } : { kind: 'word', word };
      });
      return { kind: 'any-of', alternatives };
    });
  if (slots.length === 0 || (slots.length === 1 && slots[0].kind === 'gap')) throw new PatternError('pattern is empty');
  if (slots[0].kind === 'gap' || slots[slots.length - 1].kind === 'gap') throw new PatternError('pattern may not start or end with *');
  return slots;
}

const isNumber = (word: string) => word.length > 0 && word.length <= 12 && [...word].every((c) => c >= '0' && c <= '9');

function matchesWord(slot: Slot, word: string): boolean {
  if (slot.kind === 'gap') return false;
  return slot.alternatives.some((alt) =>
    alt.kind === 'word' ? alt.word === word : alt.kind === 'prefix' ? word.startsWith(alt.prefix) : isNumber(word),
  );
}

/** Returns the end index of the shortest match of slots[s..] starting at words[i], or -1. */
function matchFrom(slots: Slot[], s: number, words: readonly string[], i: number): number {
  if (s === slots.length) return i;
  const slot = slots[s];
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP && i + skip <= words.length; skip++) {
      const end = matchFrom(slots, s + 1, words, i + skip);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (i >= words.length || !matchesWord(slot, words[i])) return -1;
  return matchFrom(slots, s + 1, words, i + 1);
}

interface Compiled<T> {
  slots: Slot[];
  value: T;
}

export class PhraseMatcher<T> {
  private readonly compiled: Compiled<T>[];
  /** Patterns whose first word is literal, by that word: most patterns, so most are never tried. */
  private readonly byFirstWord = new Map<string, Compiled<T>[]>();
  /** Patterns starting with a prefix or a number (or a mix), by the first character a word must then
   * have: a word is only tried against the few whose first slot could match it. */
  private readonly byFirstChar = new Map<string, Compiled<T>[]>();

  constructor(entries: readonly { pattern: string; value: T }[]) {
    this.compiled = entries.map((e) => ({ slots: parsePattern(e.pattern), value: e.value }));
    for (const c of this.compiled) {
      const first = c.slots[0];
      const literals = first.kind === 'any-of' && first.alternatives.every((a) => a.kind === 'word') ? first.alternatives : undefined;
      if (!literals) {
        const chars = new Set<string>();
        if (first.kind === 'any-of') {
          for (const alt of first.alternatives) {
            if (alt.kind === 'word') chars.add(alt.word[0]);
            else if (alt.kind === 'prefix') chars.add(alt.prefix[0]);
            else for (const digit of '0123456789') chars.add(digit);
          }
        }
        for (const char of chars) this.byFirstChar.set(char, [...(this.byFirstChar.get(char) ?? []), c]);
        continue;
      }
      for (const alt of literals) {
        if (alt.kind !== 'word') continue;
        const list = this.byFirstWord.get(alt.word) ?? [];
        list.push(c);
        this.byFirstWord.set(alt.word, list);
      }
    }
  }

  /** Every match of every pattern, in order of position. Cost: linear in the number of words. */
  findAll(words: readonly string[]): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    const tryAll = (list: Compiled<T>[] | undefined, start: number) => {
      for (const { slots, value } of list ?? []) {
        const end = matchFrom(slots, 0, words, start);
        if (end !== -1) matches.push({ value, start, end });
      }
    };
    for (let start = 0; start < words.length; start++) {
      tryAll(this.byFirstWord.get(words[start]), start);
      tryAll(this.byFirstChar.get(words[start][0]), start);
    }
    return matches;
  }

  /** The distinct values whose patterns occur anywhere in the words. */
  values(words: readonly string[]): Set<T> {
    return new Set(this.findAll(words).map((m) => m.value));
  }

  /** Whether any pattern matches the whole message exactly (used for greetings, thanks, ...). */
  matchesWhole(words: readonly string[]): T | undefined {
    for (const { slots, value } of this.compiled) if (matchFrom(slots, 0, words, 0) === words.length && words.length > 0) return value;
    return undefined;
  }
}
