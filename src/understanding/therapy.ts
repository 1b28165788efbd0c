// Finds which monograph a message names, by any of its names, in any spacing or hyphenation.
import type { Monograph } from '../knowledge/schema';
import { compact } from '../text/normalise';
import type { TherapyMatch } from './types';

/** Longest name, in words, that is looked for ("craniosacral approach therapy" is 3). */
const MAX_NAME_WORDS = 5;

export class TherapyIndex {
  /** Compact form of every name ("craniosacraltherapy", "cst") → monograph id. */
  private readonly byName = new Map<string, string>();

  constructor(monographs: readonly Monograph[]) {
    for (const m of monographs) {
      for (const name of [m.name, ...m.otherNames.map((n) => n.name)]) this.byName.set(compact(name), m.id);
    }
  }

  /** The longest run of words that is exactly a therapy's name, or undefined. */
  resolve(words: readonly string[]): TherapyMatch | undefined {
    let best: TherapyMatch | undefined;
    for (let start = 0; start < words.length; start++) {
      for (let length = Math.min(MAX_NAME_WORDS, words.length - start); length >= 1; length--) {
        const phrase = words.slice(start, start + length);
        const id = this.byName.get(phrase.join(''));
        if (id && (!best || phrase.length > best.matched.split(' ').length)) {
          best = { id, matched: phrase.join(' '), score: 1 };
          break;
        }
      }
    }
    return best;
  }
}
