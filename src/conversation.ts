// The seam between the bot and the pure core: a message's text in, an Answer out.
// The dialogs layer (context, clarification, handoff) grows around this.
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { AnswerComposer } from './answers/compose';
import type { Answer } from './answers/types';
import { Understanding } from './understanding/understand';

export class Conversation {
  private readonly understanding: Understanding;
  private readonly answers: AnswerComposer;

  constructor(private readonly knowledge: KnowledgeBase) {
    this.understanding = new Understanding(knowledge);
    this.answers = new AnswerComposer(knowledge);
  }

  reply(text: string): Answer {
    const question = this.understanding.understand(text);
    if (question.intent === 'greeting') return this.answers.greeting();
    if (question.intent === 'help') return this.answers.help();
    const monograph = question.therapy && this.knowledge.monograph(question.therapy.id);
    if (monograph) return this.answers.overview(monograph);
    return this.answers.notUnderstood();
  }

  welcome(): Answer {
    return this.answers.greeting();
  }
}
