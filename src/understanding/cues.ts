// Reads the cue phrases of data/cues.json: social messages, questions about the bot, topics,
// asserted efficacy, condition-first questions and references to an unnamed therapy.
import type { Cues, Topic } from '../knowledge/schema';
import { TOPICS } from '../knowledge/schema';
import { PhraseMatcher, expandMacros } from '../text/phrases';
import type { AboutBotQuestion, Command, SocialIntent } from './types';

/** A social phrase inside a longer message counts only in a message this short. */
const MAX_SOCIAL_WORDS = 12;
/** Which social intent a short message is, when it has several ("hi, thanks!" is thanks). */
const SOCIAL_PRIORITY: SocialIntent[] = ['help', 'goodbye', 'thanks', 'greeting'];

/** A request to start over counts only in a short message ("ok, start over please"). */
const MAX_START_OVER_WORDS = 6;
/** "agent" or "human" alone asks for a person only in a message this short ("operator please"). */
const MAX_SHORT_MESSAGE_WORDS = 8;


export class CueReader {
  private readonly social: PhraseMatcher<SocialIntent>;
  private readonly helpAnywhere: PhraseMatcher<true>;
  private readonly aboutBot: PhraseMatcher<AboutBotQuestion>;
  private readonly topics: PhraseMatcher<Topic>;
  private readonly premise: PhraseMatcher<true>;
  private readonly conditionFirst: PhraseMatcher<true>;
  private readonly anaphora: PhraseMatcher<true>;
  private readonly startOver: PhraseMatcher<true>;
  private readonly handoffAnywhere: PhraseMatcher<true>;
  private readonly handoffShort: PhraseMatcher<true>;
  private readonly yesNo: PhraseMatcher<'yes' | 'no'>;
  private readonly feedback: PhraseMatcher<'helpful' | 'not-helpful'>;

  constructor(cues: Cues) {
    const list = <T>(patterns: readonly string[], value: T) =>
      patterns.map((pattern) => ({ pattern: expandMacros(pattern, cues.wordLists), value }));
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
    this.startOver = new PhraseMatcher(list(cues.startOver, true as const));
    this.handoffAnywhere = new PhraseMatcher(list(cues.handoff.anywhere, true as const));
    this.handoffShort = new PhraseMatcher(list(cues.handoff.shortMessage, true as const));
    this.yesNo = new PhraseMatcher([...list(cues.yes, 'yes' as const), ...list(cues.no, 'no' as const)]);
    this.feedback = new PhraseMatcher([
      ...list(cues.feedback.helpful, 'helpful' as const),
      ...list(cues.feedback.notHelpful, 'not-helpful' as const),
    ]);
  }

  /** Start over (in a short message) or a request for a person (anywhere). */
  command(words: readonly string[]): Command | undefined {
    if (this.handoffAnywhere.findAll(words).length > 0) return 'handoff';
    if (words.length <= MAX_SHORT_MESSAGE_WORDS && this.handoffShort.findAll(words).length > 0) return 'handoff';
    if (words.length <= MAX_START_OVER_WORDS && this.startOver.findAll(words).length > 0) return 'start-over';
    return undefined;
  }

  yesOrNo(words: readonly string[]): 'yes' | 'no' | undefined {
    return this.yesNo.matchesWhole(words);
  }

  feedbackOf(words: readonly string[]): 'helpful' | 'not-helpful' | undefined {
    return this.feedback.matchesWhole(words);
  }

  /**
   * A greeting, help request, thanks or goodbye: the whole message, a greeting or thanks followed by
   * another social phrase ("hi, what can you do?"), or one inside a short message that asks nothing else
   * ("brilliant, thanks a million").
   */
  socialIntent(words: readonly string[], asksSomething: boolean): SocialIntent | undefined {
    const whole = this.social.matchesWhole(words);
    if (whole) return whole;
    for (let cut = 1; cut < Math.min(words.length, 4); cut++) {
      const head = this.social.matchesWhole(words.slice(0, cut));
      const tail = this.social.matchesWhole(words.slice(cut));
      if (head && tail) return tail === 'greeting' ? head : tail;
    }
    if (this.helpAnywhere.findAll(words).length > 0) return 'help';
    if (asksSomething || words.length > MAX_SOCIAL_WORDS) return undefined;
    const found = new Set(this.social.findAll(words).map((m) => m.value));
    return SOCIAL_PRIORITY.find((intent) => found.has(intent));
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
