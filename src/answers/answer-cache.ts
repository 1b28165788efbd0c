// Remembers the answers given to remembered questions. A question from the understanding cache is
// a frozen object shared by everyone who sent that exact text, and an answer is a pure function of
// the question and the conversation's context (therapy, condition), so the answer for each context
// is composed once and shared too, frozen like the question. Questions that were not cached (long
// messages, a clarification's stand-in therapy) are answered afresh each time.
// Entries live as long as their question stays in the understanding cache (a WeakMap).
import { deepFreeze } from '../util/deep-freeze';
import type { ResolvedQuestion } from '../understanding/types';
import type { AnswerComposer, AnswerContext } from './compose';
import type { Answer } from './types';

/** Contexts remembered per question: a question asked in many conversations meets a few contexts. */
const MAX_CONTEXTS_PER_QUESTION = 8;

export class AnswerCache {
  private readonly byQuestion = new WeakMap<ResolvedQuestion, Map<string, Answer>>();

  constructor(private readonly composer: AnswerComposer) {}

  answer(question: ResolvedQuestion, context: AnswerContext = {}): Answer {
    if (!Object.isFrozen(question)) return this.composer.answer(question, context);
    let answers = this.byQuestion.get(question);
    if (!answers) this.byQuestion.set(question, (answers = new Map()));
    // Ids are slugs and names have no control characters, so \u0000 cannot occur inside a part.
    const key = `${context.therapyId ?? ''}\u0000${context.unknownTherapy ?? ''}\u0000${context.conditionId ?? ''}\u0000${context.region ?? ''}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = deepFreeze(this.composer.answer(question, context));
      if (answers.size >= MAX_CONTEXTS_PER_QUESTION) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    }
    return answer;
  }
}
