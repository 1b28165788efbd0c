// How the importer maps a page's uses and populations to the lexicon: only where the bot's own understanding finds
// an entry as written; otherwise the nearest entries, for a reviewer.
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import type { LexiconEntry } from '../knowledge/schema';
import { Understanding } from '../understanding/understand';
import type { LexiconMatcher } from './to-monograph';

/**
 * Exact names only: an entry counts when the understanding finds it unaltered (no spelling correction) and its
 * words make up at least half of the text's own words ("“Slipped disks” in the spine" is slipped-disk; "Motion
 * sickness during pregnancy" is not pregnancy alone).
 */
export function lexiconMatcher(knowledge: KnowledgeBase): LexiconMatcher {
  const understanding = new Understanding(knowledge);
  const FUNCTION_WORDS = new Set([
    'a',
    'an',
    'and',
    'or',
    'the',
    'in',
    'of',
    'for',
    'with',
    'to',
    'during',
    'after',
    'before',
    'on',
    'by',
    'from',
    'at',
  ]);
  const contentWords = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '' && !FUNCTION_WORDS.has(w));
  return {
    exactly: (text) => {
      const words = contentWords(text);
      const matches = understanding.understand(text).conditions.filter((c) => c.score >= 1);
      const covering = matches.filter((c) => contentWords(c.matched).length * 2 >= words.length || matches.length > 1);
      return [...new Set(covering.map((c) => c.id))];
    },
    closest: (text) => {
      // Entries sharing the most of the text's words first, then what spelling correction would have read.
      const words = contentWords(text).filter((w) => w.length > 3);
      const shared = (e: LexiconEntry) => words.filter((w) => [e.name, ...e.synonyms].some((n) => contentWords(n).includes(w))).length;
      const sharing = knowledge.lexicon
        .map((e) => ({ id: e.id, shared: shared(e) }))
        .filter((e) => e.shared > 0)
        .sort((a, b) => b.shared - a.shared)
        .map((e) => e.id);
      const corrected = understanding
        .understand(text)
        .conditions.filter((c) => c.score < 1)
        .map((c) => c.id);
      return [...new Set([...sharing, ...corrected])].slice(0, 3);
    },
  };
}
