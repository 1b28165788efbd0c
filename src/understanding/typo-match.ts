// When a misspelt therapy name is answered, asked about, or left alone. An answer about the wrong
// therapy is the worst thing this bot can say, so a typo is answered only when it is close to one
// name AND clearly closer to it than to any other therapy's name; otherwise the bot asks.
//
// Distances are edits (a letter added, dropped or changed, two neighbours swapped) between compacted
// names, where spacing, hyphens, case and accents are already free.
import type { Neighbour } from './fuzzy';

/**
 * Most edits a typo may be from a name of this many letters and still be answered: one in six
 * letters, at least 1 and at most 3 (1 up to 11 letters, 2 up to 17, 3 beyond). Short names sit close
 * together (kava, java; reiki, reishi), and two edits change a fifth of a ten-letter name; long names
 * are typed as several words, each of which may carry its own slip ("cranial sacral therpay" is 3
 * edits from "craniosacral therapy"), and they lie far apart. Never more than a fifth of the name, so
 * an answered typo scores at least 0.8.
 */
export function maxEdits(length: number): number {
  return Math.min(3, Math.max(1, Math.floor(length / 6)));
}

/**
 * How much closer the match must be than the runner-up (the nearest name of any other therapy, with
 * a monograph or not), in edits. A runner-up one edit further is "nearly the same distance": whoever
 * meant it made just one slip more, which is common (about one misspelling in five has two edits).
 * Two edits further, they would have made two slips more than the match needs: rare.
 */
export const MARGIN = 2;

/** Neighbours a judgement needs: a candidate up to one edit past the longest names' bound, and its rivals. */
export const TYPO_RADIUS = maxEdits(Infinity) + MARGIN;

/** Score of each candidate a typo is asked about: below the answer threshold, so never answered. */
export const ASK_SCORE = 0.5;

export type TypoVerdict<T> =
  /** Close to one name and clearly closer than any other therapy's: may be answered. */
  | { kind: 'match'; value: T; name: string; distance: number; score: number }
  /** Close to more than one therapy, or just past the bound: "did you mean A (or B)?". Never answered. */
  | { kind: 'ask'; values: T[] }
  /** Closer to a therapy that cannot be answered (no monograph) than to any that can: it takes the typo. */
  | { kind: 'unanswerable'; value: T; name: string; distance: number; score: number };

/**
 * The verdict on a typed phrase from its neighbours (closest first, one per therapy; see
 * FuzzyIndex.neighbours), or undefined when no name is near enough to be what was meant.
 * `answerable` says whether a therapy has a monograph.
 */
export function judgeTypo<T>(near: readonly Neighbour<T>[], answerable: (value: T) => boolean): TypoVerdict<T> | undefined {
  const best = near[0];
  if (!best) return undefined;
  const bound = maxEdits(best.name.length);
  if (best.distance > bound + 1) return undefined;
  // Every therapy at nearly the same distance as the closest, the closest included.
  const rivals = near.filter((n) => n.distance < best.distance + MARGIN);
  const answerableRivals = rivals.filter((n) => answerable(n.value));
  if (answerableRivals.length === 0 || answerableRivals[0].distance > best.distance) {
    return { kind: 'unanswerable', value: best.value, name: best.name, distance: best.distance, score: similarity(best) };
  }
  if (rivals.length === 1 && best.distance <= bound) {
    return { kind: 'match', value: best.value, name: best.name, distance: best.distance, score: similarity(best) };
  }
  // "Did you mean A or B?" offers two; a third as close is left for "no, which therapy?".
  return { kind: 'ask', values: answerableRivals.slice(0, 2).map((n) => n.value) };
}

/** 1 for the name itself, less for each edit relative to the name's length. */
export function similarity(n: Neighbour<unknown>): number {
  return 1 - n.distance / Math.max(1, n.name.length);
}
