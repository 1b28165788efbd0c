// The one door from the conversation flow (dialogs/) to the pure core: a message's text in, a
// ResolvedQuestion and an Answer out, and the fixed replies (welcome, clarifications, handoff).
// Dialogs import this module and nothing else of src/; the types they need are re-exported here.
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { AnswerCache } from './answers/answer-cache';
import { AnswerComposer } from './answers/compose';
import { lookUp, type Lookup, type LookupPage } from './answers/lookup';
import type { AnswerContext, HandoffReason } from './answers/compose';
import type { Answer, FeedbackRecorded, HandoffOutcome, HandoffState, SupportDesk } from './answers/types';
import { Understanding } from './understanding/understand';
import { SUPPORTED_LANGUAGES, conversationLanguage, type Language, type LanguageGuesser } from './understanding/language';
import { CachedUnderstanding, rememberingLanguages, type Understands } from './understanding/understanding-cache';
import type { FeedbackRating, ResolvedQuestion, SocialIntent } from './understanding/types';

export type { Answer, AnswerContext, HandoffOutcome, HandoffReason, HandoffState, ResolvedQuestion, SocialIntent, SupportDesk };
export type { FeedbackRating, FeedbackRecorded };
export type { TherapyMatch } from './understanding/types';
export { ASK_SCORE } from './understanding/typo-match';
export { ANSWER_THRESHOLD } from './answers/compose';
export type { Language, LanguageGuesser };
export { regionOfLocale } from './answers/emergency-numbers';
export { languageOfLocale } from './understanding/language';

/** What the conversation is about and who is asking: the answer's language and the region for emergency numbers. */
export interface ConversationContext extends AnswerContext {
  language?: Language;
}

export class QuestionAnswering {
  private readonly understanding: Understands;
  /** One composer (and cache of its answers) per language: the same knowledge, in that language's words. */
  private readonly composers = new Map<Language, { composer: AnswerComposer; cache: AnswerCache }>();
  /** Tells messages' languages, with the answers for recent messages remembered (see the constructor). */
  private readonly knownLanguages?: LanguageGuesser;

  /** `cacheEntries`: recent messages whose understanding is kept for exact repeats (0: none); `support`: how
   * people reach the organisation's support desk; `languages`: tells messages in other languages (without it,
   * every message is read as English, Spanish or French). */
  constructor(
    private readonly knowledge: KnowledgeBase,
    options: { cacheEntries: number; support?: SupportDesk; languages?: LanguageGuesser },
  ) {
    // A repeated message's language is remembered like its understanding (rememberingLanguages).
    this.knownLanguages = options.languages && rememberingLanguages(options.languages, { maxEntries: options.cacheEntries });
    this.understanding = new CachedUnderstanding(new Understanding(knowledge, options.languages), { maxEntries: options.cacheEntries });
    for (const language of SUPPORTED_LANGUAGES) {
      const composer = new AnswerComposer(knowledge.inLanguage(language), options.support);
      this.composers.set(language, { composer, cache: new AnswerCache(composer) });
    }
  }

  /** For the benchmark: how often a message's understanding came from the cache of recent messages. */
  understandingCacheStats(): { hits: number; misses: number } {
    return this.understanding instanceof CachedUnderstanding ? { ...this.understanding.stats } : { hits: 0, misses: 0 };
  }

  private in(language: Language = 'en'): { composer: AnswerComposer; cache: AnswerCache } {
    return this.composers.get(language) ?? this.composers.get('en')!;
  }

  private fixed(language: Language | undefined) {
    return this.in(language).composer.fixed;
  }

  /** The language the conversation goes on in after this message (conversationLanguage). */
  languageOf(message: { text: string; locale?: string; current?: Language }): Language {
    return conversationLanguage(message, this.knownLanguages);
  }

  /** What a message asks: therapies, conditions, topics, an emergency, a command. */
  understand(text: string): ResolvedQuestion {
    return this.understanding.understand(text);
  }

  /** The answer to a question, given what the conversation is about; shared and frozen for a remembered question. */
  answer(question: ResolvedQuestion, context: ConversationContext = {}): Answer {
    const { language, ...about } = context;
    return this.in(language).cache.answer(question, about);
  }

  /** A search for therapies (Teams' message extension): the answers to offer for the words typed, or the reply
   * that says why there are none (see answers/lookup.ts). */
  lookUp(text: string, context: ConversationContext = {}, page?: LookupPage): Lookup {
    const knowledge = this.knowledge.inLanguage(context.language ?? 'en');
    return lookUp(this.understand(text), knowledge, (question) => this.answer(question, context), page);
  }

  /** Whether a lexicon id names a health condition (rather than a population such as pregnancy). */
  isCondition(id: string): boolean {
    return this.knowledge.lexiconEntry(id)?.kind === 'condition';
  }

  /** What the bot covers, with example questions: the first thing a person sees. */
  welcome(language?: Language): Answer {
    return this.fixed(language).social('greeting');
  }

  /** The welcome where many people read along (a group chat, a channel): short, and says to mention the bot. */
  groupWelcome(language?: Language): Answer {
    return this.fixed(language).groupWelcome();
  }

  /** An answer to a greeting, a request for help, thanks or goodbye. */
  social(intent: SocialIntent, language?: Language): Answer {
    return this.fixed(language).social(intent);
  }

  /** The reply to a rating of an answer (see FixedReplies.feedbackReply). */
  feedbackReply(rating: FeedbackRating, recorded: FeedbackRecorded, language?: Language): Answer {
    return this.fixed(language).feedbackReply(rating, recorded);
  }

  startOver(language?: Language): Answer {
    return this.fixed(language).startOver();
  }

  /** What a person who asked for a person is told, once the request went where it could. */
  handoff(reason: HandoffReason, state: HandoffState, language?: Language): Answer {
    return this.fixed(language).handoff(reason, state);
  }

  /** Where a standing request for a person is, instead of the welcome or "I didn't understand". */
  handoffStatus(state: HandoffState, language?: Language): Answer {
    return this.fixed(language).handoffStatus(state);
  }

  /** "Cancel" while a request for a person stands. */
  handoffClosed(state: HandoffState, language?: Language): Answer {
    return this.fixed(language).handoffClosed(state);
  }

  /** "Which therapy do you mean?", with the monographs as choices. */
  clarifyTherapy(language?: Language): Answer {
    return this.fixed(language).clarifyTherapy();
  }

  /** Reminds the person of the open clarifying question after an interruption. */
  stillWaiting(language?: Language): Answer {
    return this.fixed(language).stillWaiting();
  }
}
