// Misspelt red-flag words: "breating", "unconcious", "siezure" mean what they nearly spell. A word that is
// not English (WordNet, through wink-lexicon) and lies one edit (a letter dropped, added, changed or two
// swapped) from exactly one word of the concepts' English terms is read as that word. Real words are
// never changed: "never" stays "never", though it is one letter from "fever".
import { LRUCache } from 'lru-cache';
import { OneEditIndex } from '../one-edit-index';

/** Shorter words have too many neighbours to correct safely. */
const MIN_LENGTH = 5;

export class TypoCorrector {
  private readonly vocabulary: Set<string>;
  /** The vocabulary in index order, and every word of it within one edit of a typed word. */
  private readonly words: string[];
  private readonly oneEdit: OneEditIndex;
  /** Letter pairs 1-2, 1-3 and 2-3 of every vocabulary word. */
  private readonly openings = new Set<string>();
  /** Recent words and what they were read as: words repeat, and telling an English word costs lookups. */
  private readonly recent = new LRUCache<string, string>({ max: 20_000 });

  /** `vocabulary`: the English words to correct towards; `alsoKnown`: words never corrected (Spanish, French terms). */
  constructor(
    vocabulary: Iterable<string>,
    private readonly alsoKnown: ReadonlySet<string>,
    /** Whether a word is a real English word (never corrected). */
    private readonly isEnglish: (word: string) => boolean,
  ) {
    this.vocabulary = new Set([...vocabulary].filter((w) => w.length >= MIN_LENGTH));
    // One slip leaves at least one of a word's letter pairs 1-2, 1-3 or 2-3 as the intended word had it: a
    // word none of whose pairs opens a vocabulary word is not tried (names and other words pass untouched).
    for (const word of this.vocabulary) for (const pair of openingPairs(word)) this.openings.add(pair);
    this.words = [...this.vocabulary];
    this.oneEdit = new OneEditIndex(this.words);
  }

  /** Corrects the words of a message written in English (Spanish and French words are not English typos). */
  correct(words: readonly string[]): string[] {
    return words.map((word) => {
      let corrected = this.recent.get(word);
      if (corrected === undefined) this.recent.set(word, (corrected = this.correctWord(word)));
      return corrected;
    });
  }

  private correctWord(word: string): string {
    if (word.length < MIN_LENGTH || this.vocabulary.has(word) || this.alsoKnown.has(word)) return word;
    if (!openingPairs(word).some((pair) => this.openings.has(pair))) return word;
    if (this.isEnglish(word)) return word;
    const candidates = new Set<string>();
    this.oneEdit.candidates(word, (index) => candidates.add(this.words[index]));
    // Rank what kind of slip each candidate needs: a dropped or swapped letter is likelier than an
    // extra one, and both likelier than a changed one ("breating" is "breathing", not "breaking").
    // Candidates further than one slip (the index may offer a few) rank Infinity and are never chosen.
    let best: string | undefined;
    let bestRank = Infinity;
    let tied = false;
    for (const candidate of candidates) {
      const rank = slipRank(word, candidate);
      if (rank < bestRank) [best, bestRank, tied] = [candidate, rank, false];
      else if (rank === bestRank) tied = true;
    }
    return best !== undefined && bestRank < Infinity && !tied ? best : word;
  }
}

/** 1 for a dropped or swapped letter, 2 for an extra one, 3 for a changed one; Infinity beyond one slip. */
function slipRank(typed: string, intended: string): number {
  let i = 0;
  while (i < typed.length && i < intended.length && typed[i] === intended[i]) i++;
  if (typed.length + 1 === intended.length) return typed.slice(i) === intended.slice(i + 1) ? 1 : Infinity;
  if (typed.length === intended.length + 1) return typed.slice(i + 1) === intended.slice(i) ? 2 : Infinity;
  if (typed.length !== intended.length) return Infinity;
  if (typed[i] === intended[i + 1] && typed[i + 1] === intended[i] && typed.slice(i + 2) === intended.slice(i + 2)) return 1;
  return typed.slice(i + 1) === intended.slice(i + 1) ? 3 : Infinity;
}

/** A word's letters 1 and 2, 1 and 3, 2 and 3. */
function openingPairs(word: string): string[] {
  return [word.slice(0, 2), word[0] + word[2], word.slice(1, 3)];
}
