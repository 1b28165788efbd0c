// The seam between the bot and the pure core: a message's text in, a ResolvedQuestion and an Answer out.
// The dialogs layer (context, clarification, handoff) grows around this.
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { AnswerCache } from './answers/answer-cache';
import { AnswerComposer, type AnswerContext } from './answers/compose';
import type { Answer } from './answers/types';
import { Understanding } from './understanding/understand';
import { CachedUnderstanding, DEFAULT_UNDERSTANDING_CACHE_ENTRIES, type Understands } from './understanding/understanding-cache';
import type { ResolvedQuestion } from './understanding/types';

export interface Turn {
  question: ResolvedQuestion;
  answer: Answer;
}

export class Conversation {
  readonly understanding: Understands;
  readonly answers: AnswerComposer;
  private readonly answerCache: AnswerCache;

  /** `cacheEntries`: recent messages whose understanding is kept for exact repeats (0: none). */
  constructor(
    private readonly knowledge: KnowledgeBase,
    options: { cacheEntries?: number } = {},
  ) {
    this.understanding = new CachedUnderstanding(new Understanding(knowledge), { maxEntries: options.cacheEntries ?? DEFAULT_UNDERSTANDING_CACHE_ENTRIES });
    this.answers = new AnswerComposer(knowledge);
    this.answerCache = new AnswerCache(this.answers);
  }

  reply(text: string, context: AnswerContext = {}): Turn {
    const question = this.understanding.understand(text);
    return { question, answer: this.answer(question, context) };
  }

  /** The answer to a question, given what the conversation is about; shared and frozen for a remembered question. */
  answer(question: ResolvedQuestion, context: AnswerContext = {}): Answer {
    return this.answerCache.answer(question, context);
  }

  /** Whether a lexicon id names a health condition (rather than a population such as pregnancy). */
  isCondition(id: string): boolean {
    return this.knowledge.lexiconEntry(id)?.kind === 'condition';
  }

  welcome(): Answer {
    return this.answers.welcome();
  }
}
