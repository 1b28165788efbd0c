// A small, linear-time phrase matcher over normalised words. The cue phrases in data/ (red flags,
// topics, intents) are written in this pattern language instead of regular expressions, so that
// data maintainers cannot introduce a pattern that backtracks catastrophically.
//
// Pattern language (words separated by spaces, normalised like user text):
//   word        that exact word
//   word*       any word starting with "word" (numb* matches numb, numbness)
//   a|b|c*      any of the alternatives; each is ONE word, so write "do not" and "dont"
//               as two patterns, never "dont|do not"
//   a|b_c       an alternative of several words joins them with "_": "lot|so_much" is "lot" or "so much"
//   #           a number (12, 80)
//   ##          a number of 10 or more ("took 20 tablets", not "took 2 tablets")
//   *           a gap of up to MAX_GAP words (zero words allowed)
//   @name       any word of a named word list (a macro), e.g. @medicine; see expandMacros
// A pattern may not start or end with a gap.
import { normalise } from './normalise';

export const MAX_GAP = 4;

type Part = { kind: 'word'; word: string } | { kind: 'prefix'; prefix: string } | { kind: 'number'; atLeast: number };
/** One alternative of a slot: usually one word; several when written joined by "_". */
type Alternative = Part[];
type Slot = { kind: 'gap'; max: number } | { kind: 'any-of'; alternatives: Alternative[] };

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

/** A pattern's literal words, normalised ("can not * breathe|breath" → can, not, breathe, breath): not its
 * prefixes, numbers or gaps. */
export function literalWords(pattern: string): string[] {
  return pattern
    .split(/[\s|_]+/)
    .filter((w) => w !== '' && !w.endsWith('*') && !w.startsWith('#'))
    .map((w) => normalise(w))
    .filter((w) => w !== '' && !w.includes(' '));
}

/**
 * Parses one pattern; throws PatternError with a reason when it is not valid. With `keyOf`, each literal
 * word is stored as its key (a lemma), to be compared with the keys of a message's words; prefixes
 * ("respir*") still compare with the words as typed.
 */
export function parsePattern(pattern: string, keyOf: (word: string) => string = (word) => word, maxGap = MAX_GAP): Slot[] {
  const slots: Slot[] = pattern
    .trim()
    .split(/\s+/)
    .map((token): Slot => {
      if (token === '*') return { kind: 'gap', max: maxGap };
      const alternatives = token.split('|').map((alt): Alternative =>
        alt.split('_').map((part): Part => {
          if (part === '#') return { kind: 'number', atLeast: 0 };
          if (part === '##') return { kind: 'number', atLeast: 10 };
          const isPrefix = part.endsWith('*');
          const word = normalise(isPrefix ? part.slice(0, -1) : part).replaceAll(' ', '');
          if (word === '') throw new PatternError(`"${token}" has an empty alternative`);
          return isPrefix ? { kind: 'prefix', prefix: word } : { kind: 'word', word: keyOf(word) };
        }),
      );
      return { kind: 'any-of', alternatives };
    });
  if (slots.length === 0 || (slots.length === 1 && slots[0].kind === 'gap')) throw new PatternError('pattern is empty');
  if (slots[0].kind === 'gap' || slots[slots.length - 1].kind === 'gap') throw new PatternError('pattern may not start or end with *');
  return slots;
}

function isNumber(word: string): boolean {
  if (word.length === 0 || word.length > 12) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function matchesPart(part: Part, word: string, key: string): boolean {
  return part.kind === 'word'
    ? part.word === key
    : part.kind === 'prefix'
      ? word.startsWith(part.prefix)
      : isNumber(word) && Number(word) >= part.atLeast;
}

/** How many words an alternative covers at words[i], or -1 when it does not match there. */
function alternativeLength(alt: Alternative, words: readonly string[], keys: readonly string[], i: number): number {
  if (i + alt.length > words.length) return -1;
  for (let p = 0; p < alt.length; p++) if (!matchesPart(alt[p], words[i + p], keys[i + p])) return -1;
  return alt.length;
}

/** Returns the end index of the shortest match of slots[s..] starting at words[i], or -1. */
function matchFrom(slots: Slot[], s: number, words: readonly string[], keys: readonly string[], i: number): number {
  if (s === slots.length) return i;
  const slot = slots[s];
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max && i + skip <= words.length; skip++) {
      const end = matchFrom(slots, s + 1, words, keys, i + skip);
      if (end !== -1) return end;
    }
    return -1;
  }
  if (i >= words.length) return -1;
  for (const alt of slot.alternatives) {
    const length = alternativeLength(alt, words, keys, i);
    if (length === -1) continue;
    const end = matchFrom(slots, s + 1, words, keys, i + length);
    if (end !== -1) return end;
  }
  return -1;
}

interface Compiled<T> {
  slots: Slot[];
  value: T;
  /** Position in the matcher's list: findAll marks, by position, the patterns already tried at a word. */
  index: number;
  /** The keys of one slot made only of literal words (the last such): a message with none of them cannot
   * match, so the pattern is not searched. Undefined when every slot takes a prefix or a number. */
  anchor?: string[];
}

function anchorKeys(slots: Slot[]): string[] | undefined {
  for (let s = slots.length - 1; s >= 0; s--) {
    const slot = slots[s];
    if (slot.kind !== 'any-of') continue;
    const keys = slot.alternatives.flatMap((alt) => (alt[0].kind === 'word' ? [alt[0].word] : []));
    if (keys.length === slot.alternatives.length) return keys;
  }
  return undefined;
}

/** Prefix patterns are bucketed by up to this many first letters, so a word meets only those it could start. */
const PREFIX_BUCKET = 3;

export class PhraseMatcher<T> {
  private readonly compiled: Compiled<T>[];
  /** Patterns that can start with a literal word, by that word (its key): most patterns, so most are never tried. */
  private readonly byFirstWord = new Map<string, Compiled<T>[]>();
  /** Patterns that can start with a prefix ("respir*"), by the prefix's first letters (up to PREFIX_BUCKET). */
  private readonly byPrefix = new Map<string, Compiled<T>[]>();
  /** First letters of the prefix buckets: most words start with none of them and skip the bucket lookups. */
  private readonly prefixInitials = new Set<string>();
  /** Patterns that can start with a number. */
  private readonly byNumber: Compiled<T>[] = [];
  /** Patterns by the keys of their anchor slot. */
  private readonly byAnchor = new Map<string, Compiled<T>[]>();
  /** Scratch, by pattern, so findAll allocates nothing per pattern: the word position at which it was last
   * tried, and the call in which one of its anchor keys was seen in the message. */
  private readonly triedAt: Int32Array;
  private readonly triedIn: Int32Array;
  private readonly activeIn: Int32Array;
  private call = 0;

  /**
   * With `keyOf`, literal words match on keys (see parsePattern): pass the message's keys to findAll.
   * `maxGap` widens "*" for languages that put more small words between the parts of a phrase.
   */
  constructor(entries: readonly { pattern: string; value: T }[], keyOf?: (word: string) => string, maxGap = MAX_GAP) {
    this.compiled = entries.map((e, index) => {
      const slots = parsePattern(e.pattern, keyOf, maxGap);
      return { slots, value: e.value, index, anchor: anchorKeys(slots) };
    });
    this.triedAt = new Int32Array(this.compiled.length).fill(-1);
    this.triedIn = new Int32Array(this.compiled.length).fill(-1);
    this.activeIn = new Int32Array(this.compiled.length).fill(-1);
    const add = (map: Map<string, Compiled<T>[]>, key: string, c: Compiled<T>) => {
      const list = map.get(key) ?? [];
      // Alternatives that share a key ("have|had") index the pattern once.
      if (!list.includes(c)) list.push(c);
      map.set(key, list);
    };
    for (const c of this.compiled) {
      for (const key of c.anchor ?? []) add(this.byAnchor, key, c);
      const first = c.slots[0];
      if (first.kind !== 'any-of') continue;
      for (const head of first.alternatives.map((a) => a[0])) {
        if (head.kind === 'word') add(this.byFirstWord, head.word, c);
        else if (head.kind === 'prefix') {
          add(this.byPrefix, head.prefix.slice(0, PREFIX_BUCKET), c);
          this.prefixInitials.add(head.prefix[0]);
        } else if (!this.byNumber.includes(c)) this.byNumber.push(c);
      }
    }
  }

  /**
   * Every match of every pattern, in order of position. Cost: linear in the number of words.
   * `keys` (one per word) are what literal pattern words compare with; by default the words themselves.
   */
  findAll(words: readonly string[], keys: readonly string[] = words): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    const call = (this.call = (this.call + 1) & 0x3fffffff);
    // Patterns needing a word the message lacks are never searched (their gaps make a search costly).
    for (const key of keys) {
      const anchored = this.byAnchor.get(key);
      if (anchored) for (const c of anchored) this.activeIn[c.index] = call;
    }
    for (let start = 0; start < words.length; start++) {
      const word = words[start];
      const first = this.byFirstWord.get(keys[start]);
      if (first) this.tryAll(first, words, keys, start, call, matches);
      if (this.prefixInitials.has(word[0])) {
        for (let n = 1; n <= PREFIX_BUCKET && n <= word.length; n++) {
          const prefixed = this.byPrefix.get(word.slice(0, n));
          if (prefixed) this.tryAll(prefixed, words, keys, start, call, matches);
        }
      }
      if (this.byNumber.length > 0 && isNumber(word)) this.tryAll(this.byNumber, words, keys, start, call, matches);
    }
    return matches;
  }

  /** Tries each pattern of `list` at `start` that can match in this call and was not yet tried there. A pattern
   * reachable through two indexes at one position is tried once (stamped with the call, so nothing is reset
   * between calls: a matcher may hold thousands of patterns). */
  private tryAll(
    list: readonly Compiled<T>[],
    words: readonly string[],
    keys: readonly string[],
    start: number,
    call: number,
    matches: PhraseMatch<T>[],
  ): void {
    for (const c of list) {
      if (this.triedIn[c.index] === call && this.triedAt[c.index] === start) continue;
      if (c.anchor !== undefined && this.activeIn[c.index] !== call) continue;
      this.triedIn[c.index] = call;
      this.triedAt[c.index] = start;
      const end = matchFrom(c.slots, 0, words, keys, start);
      if (end !== -1) matches.push({ value: c.value, start, end });
    }
  }

  /** The distinct values whose patterns occur anywhere in the words. */
  values(words: readonly string[]): Set<T> {
    return new Set(this.findAll(words).map((m) => m.value));
  }

  /** Whether any pattern matches the whole message exactly (used for greetings, thanks, ...). */
  matchesWhole(words: readonly string[], keys: readonly string[] = words): T | undefined {
    if (words.length === 0) return undefined;
    // Only patterns that can start with the first word are tried, in the order they were given.
    const word = words[0];
    const candidates = new Set<Compiled<T>>(this.byFirstWord.get(keys[0]));
    for (let n = 1; n <= PREFIX_BUCKET && n <= word.length; n++)
      for (const c of this.byPrefix.get(word.slice(0, n)) ?? []) candidates.add(c);
    if (isNumber(word)) for (const c of this.byNumber) candidates.add(c);
    let best: Compiled<T> | undefined;
    for (const c of candidates) if ((!best || c.index < best.index) && matchFrom(c.slots, 0, words, keys, 0) === words.length) best = c;
    return best?.value;
  }
}
