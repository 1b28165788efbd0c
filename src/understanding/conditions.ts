// Finds the conditions and populations a message names, through the lexicon's names and synonyms:
// exact phrases (longest first), simple plurals, then typos when asked to.
import type { LexiconEntry } from '../knowledge/schema';
import { compact, normalise } from '../text/normalise';
import { PhraseMatcher } from '../text/phrases';
import { FuzzyIndex } from './fuzzy';
import { PrefixIndex } from './prefix-index';
import type { ConditionMatch, Span } from './types';

/** Typo matches must be this similar to count: condition words are short and many. */
const MIN_TYPO_SIMILARITY = 0.8;
/** Only single words this long are tried as typos: shorter words and word pairs match too much by chance. */
const MIN_TYPO_LENGTH = 6;

export class ConditionResolver {
  private readonly byTerm = new Map<string, string>();
  /** Beginnings of terms: a phrase no term starts with cannot be lengthened into one. */
  private readonly termPrefixes: PrefixIndex;
  private readonly maxTermWords: number;
  private readonly fuzzy: FuzzyIndex<string>;
  private readonly patterns: PhraseMatcher<string>;

  constructor(lexicon: readonly LexiconEntry[]) {
    this.patterns = new PhraseMatcher(lexicon.flatMap((entry) => (entry.patterns ?? []).map((pattern) => ({ pattern, value: entry.id }))));
    let longest = 1;
    const fuzzyEntries: { name: string; value: string }[] = [];
    for (const entry of lexicon) {
      for (const term of [entry.name, ...entry.synonyms]) {
        this.byTerm.set(compact(term), entry.id);
        longest = Math.max(longest, normalise(term).split(' ').length);
        fuzzyEntries.push({ name: term, value: entry.id });
      }
    }
    this.maxTermWords = longest;
    this.termPrefixes = new PrefixIndex(this.byTerm.keys());
    this.fuzzy = new FuzzyIndex(fuzzyEntries);
  }

  /** Exact and plural matches outside the spans already taken, leftmost-longest; then the looser patterns. */
  find(words: readonly string[], taken: (i: number) => boolean): { matches: ConditionMatch[]; spans: Span[] } {
    const found: (ConditionMatch & Span)[] = [];
    const free = (start: number, end: number) => {
      for (let i = start; i < end; i++) if (taken(i)) return false;
      return !found.some((f) => start < f.end && f.start < end);
    };
    for (let start = 0; start < words.length;) {
      const hit = taken(start) ? undefined : this.longestAt(words, start, taken);
      if (!hit) {
        start++;
        continue;
      }
      found.push({ id: hit.id, matched: words.slice(start, hit.end).join(' '), score: 1, start, end: hit.end });
      start = hit.end;
    }
    for (const hit of this.patterns.findAll(words)) {
      if (free(hit.start, hit.end))
        found.push({ id: hit.value, matched: words.slice(hit.start, hit.end).join(' '), score: 1, start: hit.start, end: hit.end });
    }
    found.sort((a, b) => a.start - b.start);
    const matches: ConditionMatch[] = [];
    for (const f of found) addMatch(matches, { id: f.id, matched: f.matched, score: f.score });
    return { matches, spans: found.map(({ start, end }) => ({ start, end })) };
  }

  /** Typo matches for single words outside the spans taken ("migranes", "fibromyalga"). */
  findTypos(words: readonly string[], taken: (i: number) => boolean): ConditionMatch[] {
    const matches: ConditionMatch[] = [];
    words.forEach((word, i) => {
      if (taken(i) || word.length < MIN_TYPO_LENGTH) return;
      const hit = this.fuzzy.search(word);
      if (hit && hit.similarity >= MIN_TYPO_SIMILARITY) addMatch(matches, { id: hit.value, matched: word, score: hit.similarity });
    });
    return matches;
  }

  private longestAt(words: readonly string[], start: number, taken: (i: number) => boolean): { id: string; end: number } | undefined {
    // Lengths worth trying: while some term starts with the words so far, and one word more, whose
    // plural may still be a term ("chronic headaches"); no longer phrase can be a term or its plural.
    const longest = Math.min(this.maxTermWords, words.length - start);
    const worthTrying = Math.min(longest, this.termPrefixes.joinableRun(words, start, longest) + 1);
    for (let length = worthTrying; length >= 1; length--) {
      if (taken(start + length - 1)) continue;
      const phrase = words.slice(start, start + length);
      const key = phrase.join('');
      const id = this.byTerm.get(key) ?? this.byTerm.get(singular(key));
      if (id) return { id, end: start + length };
    }
    return undefined;
  }
}

/** "migraines" → "migraine", "headaches" → "headache"; leaves short words alone. */
function singular(key: string): string {
  if (key.length > 4 && key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

function addMatch(matches: ConditionMatch[], match: ConditionMatch): void {
  const existing = matches.find((m) => m.id === match.id);
  if (!existing) matches.push(match);
  else if (match.score > existing.score) Object.assign(existing, match);
}
