// Answers one question, using what the conversation is already about. When no therapy can be
// resolved it asks which one (or "did you mean …?") and waits: the reply, typed, misspelt or a
// button, completes the pending question. A reply that asks something else drops the clarification.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { ResolvedQuestion, TherapyMatch } from '../src/understanding/types';
import { handOff } from './handoff';
import { contextOf, updateContext } from './memory';
import { sendAnswer } from './reply';
import { memoryOf, messageText, understandTurn, type DialogServices } from './services';

export interface QuestionOptions {
  /** The question's text (the pending question, when a clarification completes it). */
  text?: string;
  /** The therapy chosen in a clarification, standing in for the one the question lacked. */
  therapy?: TherapyMatch;
}

interface PendingClarification {
  text: string;
  /** The therapy offered by "did you mean …?", waiting for yes or no. */
  suggested?: string;
}

/** Answer kinds that count as not understanding the person. */
const NOT_UNDERSTOOD = new Set(['out-of-scope', 'not-understood']);

export class QuestionDialog extends Dialog<QuestionOptions> {
  static readonly id = 'question';

  constructor(private readonly services: DialogServices) {
    super(QuestionDialog.id);
  }

  override async beginDialog(dc: DialogContext, given?: QuestionOptions | null): Promise<DialogTurnResult> {
    const options = given ?? {};
    const text = options.text ?? messageText(dc.context);
    const understood = options.text === undefined ? understandTurn(dc.context, this.services) : this.services.conversation.understanding.understand(text);
    const question: ResolvedQuestion = options.therapy ? { ...understood, therapies: [options.therapy], unknownTherapies: [] } : understood;
    const memory = await memoryOf(dc.context, this.services);
    const answer = this.services.conversation.answers.answer(question, contextOf(memory));

    if (NOT_UNDERSTOOD.has(answer.kind)) {
      memory.failures += 1;
      if (this.services.handoffAfterFailures > 0 && memory.failures >= this.services.handoffAfterFailures) {
        await handOff(dc.context, this.services.conversation, memory, 'repeated-failure');
        return dc.endDialog();
      }
    } else {
      memory.failures = 0;
    }

    await sendAnswer(dc.context, answer, memory);
    if (answer.outcome === 'clarification') {
      const pending: PendingClarification = { text, suggested: answer.kind === 'did-you-mean' ? answer.therapyId : undefined };
      dc.activeDialog!.state.pending = pending;
      return Dialog.EndOfTurn;
    }
    updateContext(memory, answer, this.conditionIds(question));
    return dc.endDialog();
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const pending = dc.activeDialog!.state.pending as PendingClarification;
    const reply = understandTurn(dc.context, this.services);

    if (pending.suggested && reply.yesNo === 'yes') {
      return dc.replaceDialog(QuestionDialog.id, { text: pending.text, therapy: { id: pending.suggested, matched: '', score: 1 } });
    }
    if (pending.suggested && reply.yesNo === 'no') {
      const memory = await memoryOf(dc.context, this.services);
      await sendAnswer(dc.context, this.services.conversation.answers.clarifyTherapy(), memory);
      dc.activeDialog!.state.pending = { text: pending.text };
      return Dialog.EndOfTurn;
    }
    if (isJustATherapy(reply)) {
      if (reply.therapies.length > 0) return dc.replaceDialog(QuestionDialog.id, { text: pending.text, therapy: reply.therapies[0] });
      return dc.replaceDialog(QuestionDialog.id, { text: messageText(dc.context) });
    }
    // The person asked something else: the clarification is dropped, not forced.
    return dc.replaceDialog(QuestionDialog.id, {});
  }

  private conditionIds(question: ResolvedQuestion): string[] {
    return question.conditions.filter((c) => this.services.conversation.isCondition(c.id)).map((c) => c.id);
  }
}

/** A reply that only names a therapy ("craniosacral", "CST", a button), with no question of its own. */
function isJustATherapy(q: ResolvedQuestion): boolean {
  const named = q.therapies.length > 0 || q.unknownTherapies.length > 0;
  return named && q.topics.length === 0 && q.conditions.length === 0 && !q.emergency && !q.command;
}
