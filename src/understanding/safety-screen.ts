// The first thing every message meets: red flags for emergencies, in plain and indirect wording.
import type { RedFlags } from '../knowledge/schema';
import { PhraseMatcher, expandMacros } from '../text/phrases';

export class SafetyScreen {
  private readonly matcher: PhraseMatcher<string>;
  /** Flag kinds in data order: the first listed wins when a message has several. */
  private readonly order: string[];

  constructor(redFlags: RedFlags, wordLists: Record<string, string[]> = {}) {
    this.order = redFlags.flags.map((f) => f.kind);
    this.matcher = new PhraseMatcher(
      redFlags.flags.flatMap((f) => f.patterns.map((pattern) => ({ pattern: expandMacros(pattern, wordLists), value: f.kind }))),
    );
  }

  /** The most urgent red-flag kind in the message, if any. */
  check(words: readonly string[]): string | undefined {
    const kinds = this.matcher.values(words);
    return this.order.find((kind) => kinds.has(kind));
  }
}
