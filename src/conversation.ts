// The seam between the bot and the pure core: a message's text in, a ResolvedQuestion and an Answer out.
// The dialogs layer (context, clarification, handoff) grows around this.
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { AnswerComposer, type AnswerContext } from './answers/compose';
import type { Answer } from './answers/types';
import { Understanding } from './understanding/understand';
import type { ResolvedQuestion } from './understanding/types';

export interface Turn {
  question: ResolvedQuestion;
  answer: Answer;
}

export class Conversation {
  readonly understanding: Understanding;
  readonly answers: AnswerComposer;

  constructor(private readonly knowledge: KnowledgeBase) {
    this.understanding = new Understanding(knowledge);
    this.answers = new AnswerComposer(knowledge);
  }

  reply(text: string, context: AnswerContext = {}): Turn {
    const question = this.understanding.understand(text);
    return { question, answer: this.answers.answer(question, context) };
  }

  /** Whether a lexicon id names a health condition (rather than a population such as pregnancy). */
  isCondition(id: string): boolean {
    return this.knowledge.lexiconEntry(id)?.kind === 'condition';
  }

  welcome(): Answer {
    return this.answers.welcome();
  }
}
