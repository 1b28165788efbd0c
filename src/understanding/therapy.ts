// Works out which therapies a message names: those with a monograph (covered), and those without
// one (unknown), which must never be answered with a covered therapy's facts.
//
// Order of evidence, strongest first:
//   1. a run of words that is exactly a name (any spacing or hyphenation), or all of its words in
//      another order ("thérapie craniosacrale" for "Craniosacrale Thérapie");
//   2. a name from the directory of therapies without a monograph (data/other-therapies.json);
//   3. a word + head noun the directory lacks ("Bowen therapy", "valerian root");
//   4. a typo of a name (fuse.js), only when nothing above named a therapy;
//   5. one distinctive word of a longer name ("upledger"?) shared by one or more monographs: a guess,
//      so it comes back with a low score and leads to "did you mean …?".
import type { Monograph, OtherTherapies } from '../knowledge/schema';
import { compact, normalise } from '../text/normalise';
import { FuzzyIndex } from './fuzzy';
import { PrefixIndex } from './prefix-index';
import type { Span, TherapyMatch, UnknownTherapy } from './types';

/** Longest name, in words, looked for. */
const MAX_NAME_WORDS = 6;
/** Longest run of words tried as a misspelt name ("cranial sacral therpay" is 3). */
const MAX_FUZZY_WORDS = 3;
/** Score of a match on one distinctive word of a longer name: below the answer threshold. */
const PARTIAL_NAME_SCORE = 0.7;
/** A typo this close to a name counts as that name ("craniosacarl"); closer to 1 is stricter. */
const MIN_TYPO_SIMILARITY = 0.6;
/** Typos of names without a monograph must be closer still: thousands of names make chance matches likely. */
const MIN_UNKNOWN_TYPO_SIMILARITY = 0.92;
/** Shortest word that can stand for a longer name. */
const MIN_PARTIAL_WORD = 6;

type NameOwner = { kind: 'covered'; id: string } | { kind: 'unknown'; name: string };

export interface TherapyFindings {
  covered: TherapyMatch[];
  unknown: UnknownTherapy[];
  /** Word positions taken by therapy names, so conditions and topics do not reuse them. */
  spans: Span[];
}

export interface TherapyVocabulary {
  headNouns: readonly string[];
  notModifiers: readonly string[];
  /** Generic words that never stand for a name on their own ("therapy", "massage"). */
  genericWords: readonly string[];
  /** Function words ("the", "for"): a phrase containing one is never tried as a misspelt name. */
  stopWords: readonly string[];
}

export class TherapyResolver {
  private readonly exact = new Map<string, NameOwner>();
  private readonly tokenSets = new Map<string, NameOwner>();
  /** Beginnings of exact keys: a phrase no key starts with cannot be lengthened into a name. */
  private readonly exactPrefixes: PrefixIndex;
  /** Every word of every name of two words or more: a word-order match is made of these only. */
  private readonly nameWords = new Set<string>();
  private readonly partial = new Map<string, Set<string>>();
  private readonly fuzzy: FuzzyIndex<NameOwner>;
  private readonly headNouns: Set<string>;
  private readonly notModifiers: Set<string>;
  private readonly stopWords: Set<string>;

  constructor(monographs: readonly Monograph[], others: OtherTherapies, vocabulary: TherapyVocabulary) {
    const fuzzyEntries: { name: string; value: NameOwner }[] = [];
    const generic = new Set(vocabulary.genericWords.map(normalise));
    const add = (name: string, owner: NameOwner) => {
      const key = compact(name);
      this.exact.set(key, owner);
      const words = normalise(name).split(' ');
      if (words.length > 1) {
        this.tokenSets.set(tokenSetKey(words), owner);
        for (const word of words) this.nameWords.add(word);
      }
      fuzzyEntries.push({ name, value: owner });
    };
    for (const therapy of others.therapies) {
      const owner: NameOwner = { kind: 'unknown', name: therapy.name };
      for (const name of [therapy.name, ...therapy.otherNames]) add(name, owner);
    }
    // Monographs last, so their names win over a directory entry that repeats one.
    for (const m of monographs) {
      const owner: NameOwner = { kind: 'covered', id: m.id };
      for (const name of [m.name, ...m.otherNames.map((n) => n.name)]) {
        add(name, owner);
        const words = normalise(name).split(' ');
        if (words.length < 2) continue;
        for (const word of words) {
          if (word.length < MIN_PARTIAL_WORD || generic.has(word)) continue;
          const ids = this.partial.get(word) ?? new Set<string>();
          ids.add(m.id);
          this.partial.set(word, ids);
        }
      }
    }
    this.fuzzy = new FuzzyIndex(fuzzyEntries);
    this.exactPrefixes = new PrefixIndex(this.exact.keys());
    this.headNouns = new Set(vocabulary.headNouns.map(normalise));
    this.notModifiers = new Set(vocabulary.notModifiers.map(normalise));
    this.stopWords = new Set(vocabulary.stopWords.map(normalise));
  }

  /** Exact names, covered or in the directory (steps 1 and 2). */
  findNamed(words: readonly string[]): TherapyFindings {
    const found: TherapyFindings = { covered: [], unknown: [], spans: [] };
    for (let start = 0; start < words.length; ) {
      const hit = this.longestNameAt(words, start);
      if (!hit) {
        start++;
        continue;
      }
      this.record(found, hit.owner, words.slice(start, hit.end).join(' '), 1, { start, end: hit.end });
      start = hit.end;
    }
    return found;
  }

  /** Unknown names made of a word and a head noun ("Bowen therapy"), outside the spans taken (step 3). */
  findByHeadNoun(words: readonly string[], taken: (i: number) => boolean, found: TherapyFindings): void {
    for (let i = 1; i < words.length; i++) {
      if (!this.headNouns.has(words[i]) || taken(i) || taken(i - 1)) continue;
      const modifier = words[i - 1];
      if (modifier.length < 3 || this.notModifiers.has(modifier) || this.headNouns.has(modifier) || /^\d+$/.test(modifier)) continue;
      // "craniosacarl therapy" and "cranial sacral therapy" are typos of a known name, not new therapies.
      const typo = this.coveredTypoEndingAt(words, i, taken);
      if (typo) {
        this.record(found, typo.owner, typo.matched, typo.similarity, typo.span);
        continue;
      }
      const phrase = `${modifier} ${words[i]}`;
      this.record(found, { kind: 'unknown', name: phrase }, phrase, 1, { start: i - 1, end: i + 1 });
    }
  }

  /** Misspelt names (step 4) and then single distinctive words (step 5), outside the spans taken. */
  findApproximate(words: readonly string[], taken: (i: number) => boolean, found: TherapyFindings): void {
    let best: { owner: NameOwner; matched: string; similarity: number; span: Span } | undefined;
    for (let start = 0; start < words.length; start++) {
      for (let length = 1; length <= MAX_FUZZY_WORDS && start + length <= words.length; length++) {
        const last = words[start + length - 1];
        if (taken(start + length - 1) || this.stopWords.has(last) || /^\d+$/.test(last)) break;
        const phrase = words.slice(start, start + length);
        const hit = this.fuzzy.search(phrase.join(''));
        if (hit && hit.similarity >= MIN_TYPO_SIMILARITY && (!best || hit.similarity > best.similarity)) {
          best = { owner: hit.value, matched: phrase.join(' '), similarity: hit.similarity, span: { start, end: start + length } };
        }
      }
    }
    if (best?.owner.kind === 'covered') {
      this.record(found, best.owner, best.matched, best.similarity, best.span);
      return;
    }
    let partial = false;
    for (let i = 0; i < words.length; i++) {
      const ids = taken(i) ? undefined : this.partial.get(words[i]);
      if (!ids) continue;
      partial = true;
      for (const id of ids) this.record(found, { kind: 'covered', id }, words[i], PARTIAL_NAME_SCORE, { start: i, end: i + 1 });
    }
    // Closest to a therapy without a monograph: that absorbs the typo, so it never drifts to a
    // covered therapy. It is named only when nearly exact ("medication" is not "meditation").
    if (best && !partial && best.similarity >= MIN_UNKNOWN_TYPO_SIMILARITY) {
      this.record(found, best.owner, best.matched, best.similarity, best.span);
    }
  }

  /** The closest covered name to the words ending at `end` (one to MAX_FUZZY_WORDS + 1 of them), if close enough. */
  private coveredTypoEndingAt(words: readonly string[], end: number, taken: (i: number) => boolean) {
    let best: { owner: NameOwner; matched: string; similarity: number; span: Span } | undefined;
    // The head noun alone ("therapy") is never a misspelt name: start one word before it.
    for (let start = end - 1; start >= Math.max(0, end - MAX_FUZZY_WORDS); start--) {
      if (taken(start) || this.stopWords.has(words[start])) break;
      const phrase = words.slice(start, end + 1);
      for (const candidate of [phrase, phrase.slice(0, -1)]) {
        if (candidate.length === 0) continue;
        const hit = this.fuzzy.search(candidate.join(''));
        if (hit?.value.kind === 'covered' && hit.similarity >= MIN_TYPO_SIMILARITY && (!best || hit.similarity > best.similarity)) {
          best = { owner: hit.value, matched: phrase.join(' '), similarity: hit.similarity, span: { start, end: end + 1 } };
        }
      }
    }
    return best;
  }

  private longestNameAt(words: readonly string[], start: number): { owner: NameOwner; end: number } | undefined {
    // Most words start no name, so bound the lengths worth trying before building any phrase: an exact
    // name is only possible while some key starts with the words so far, and a word-order match cannot
    // run past a word that is in no name.
    const longest = Math.min(MAX_NAME_WORDS, words.length - start);
    const exactRun = this.exactPrefixes.joinableRun(words, start, longest);
    let nameRun = 0;
    while (nameRun < longest && this.nameWords.has(words[start + nameRun])) nameRun++;
    for (let length = Math.max(exactRun, nameRun); length >= 1; length--) {
      const phrase = words.slice(start, start + length);
      const owner =
        (length <= exactRun ? this.exact.get(phrase.join('')) : undefined) ?? (length > 1 && length <= nameRun ? this.tokenSets.get(tokenSetKey(phrase)) : undefined);
      if (owner) return { owner, end: start + length };
    }
    return undefined;
  }

  private record(found: TherapyFindings, owner: NameOwner, matched: string, score: number, span: Span): void {
    found.spans.push(span);
    if (owner.kind === 'unknown') {
      if (!found.unknown.some((u) => u.name === owner.name)) found.unknown.push({ name: owner.name, matched });
      return;
    }
    const existing = found.covered.find((c) => c.id === owner.id);
    if (!existing) found.covered.push({ id: owner.id, matched, score });
    else if (score > existing.score) Object.assign(existing, { matched, score });
  }
}

function tokenSetKey(words: readonly string[]): string {
  return [...words].sort().join(' ');
}
