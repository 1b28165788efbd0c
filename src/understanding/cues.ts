// Reads the cue phrases of data/cues.json: social messages, questions about the bot, topics,
// asserted efficacy, condition-first questions and references to an unnamed therapy.
import type { Cues, Topic } from '../knowledge/schema';
import { TOPICS } from '../knowledge/schema';
import { PhraseMatcher } from '../text/phrases';
import type { AboutBotQuestion, SocialIntent } from './types';

const list = <T>(patterns: readonly string[], value: T) => patterns.map((pattern) => ({ pattern, value }));

export class CueReader {
  private readonly social: PhraseMatcher<SocialIntent>;
  private readonly helpAnywhere: PhraseMatcher<true>;
  private readonly aboutBot: PhraseMatcher<AboutBotQuestion>;
  private readonly topics: PhraseMatcher<Topic>;
  private readonly premise: PhraseMatcher<true>;
  private readonly conditionFirst: PhraseMatcher<true>;
  private readonly anaphora: PhraseMatcher<true>;

  constructor(cues: Cues) {
    this.social = new PhraseMatcher([
      ...list(cues.greeting, 'greeting' as const),
      ...list(cues.help, 'help' as const),
      ...list(cues.thanks, 'thanks' as const),
      ...list(cues.goodbye, 'goodbye' as const),
    ]);
    this.helpAnywhere = new PhraseMatcher(list(cues.help.filter((p) => p.includes(' ')), true as const));
    this.aboutBot = new PhraseMatcher([
      ...list(cues.aboutBot.identity, 'identity' as const),
      ...list(cues.aboutBot.sources, 'sources' as const),
      ...list(cues.aboutBot.currency, 'currency' as const),
    ]);
    this.topics = new PhraseMatcher(TOPICS.flatMap((topic) => list(cues.topics[topic], topic)));
    this.premise = new PhraseMatcher(list(cues.premise, true as const));
    this.conditionFirst = new PhraseMatcher(list(cues.conditionFirst, true as const));
    this.anaphora = new PhraseMatcher(list(cues.anaphora, true as const));
  }

  /** A greeting, help request, thanks or goodbye that is the whole message (with a greeting word before it at most). */
  socialIntent(words: readonly string[]): SocialIntent | undefined {
    const whole = this.social.matchesWhole(words);
    if (whole) return whole;
    // "hi, what can you do?" / "thanks! bye": a social phrase after a greeting or thanks.
    for (let cut = 1; cut < Math.min(words.length, 4); cut++) {
      const head = this.social.matchesWhole(words.slice(0, cut));
      const tail = this.social.matchesWhole(words.slice(cut));
      if (head && tail) return tail === 'greeting' ? head : tail;
    }
    return this.helpAnywhere.findAll(words).length > 0 ? 'help' : undefined;
  }

  aboutBotQuestion(words: readonly string[]): AboutBotQuestion | undefined {
    return this.aboutBot.findAll(words)[0]?.value;
  }

  /** Topics cued anywhere in the message, in the order of TOPICS. */
  topicsOf(words: readonly string[]): Topic[] {
    const found = this.topics.values(words);
    return TOPICS.filter((t) => found.has(t));
  }

  assertsEfficacy(words: readonly string[]): boolean {
    return this.premise.findAll(words).length > 0;
  }

  asksWhatHelps(words: readonly string[]): boolean {
    return this.conditionFirst.findAll(words).length > 0;
  }

  refersToTherapy(words: readonly string[]): boolean {
    return this.anaphora.findAll(words).length > 0;
  }
}
