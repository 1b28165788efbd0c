// The root dialog. Interruptions are handled here, in one place, whatever is in progress:
// emergencies, a request for a person, start over, goodbye, help, thanks and feedback.
// Everything else is a question for QuestionDialog.
import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { handOff } from './handoff';
import { clearContext } from './memory';
import { QuestionDialog, type QuestionOptions } from './question-dialog';
import { feedbackEvent, sendAnswer } from './reply';
import { memoryOf, understandTurn, type DialogServices } from './services';

export class MainDialog extends ComponentDialog {
  static readonly id = 'main';

  constructor(private readonly services: DialogServices) {
    super(MainDialog.id);
    this.addDialog(new QuestionDialog(services));
    this.initialDialogId = QuestionDialog.id;
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: QuestionOptions): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onBeginDialog(innerDc, options);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  /** Handles an interruption and says how the turn ends, or returns undefined for a question. */
  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { conversation } = this.services;
    const q = understandTurn(innerDc.context, this.services);
    const memory = await memoryOf(innerDc.context, this.services);
    const waiting = innerDc.activeDialog !== undefined;
    const done = async (): Promise<DialogTurnResult> => {
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete };
    };

    if (q.emergency) {
      await sendAnswer(innerDc.context, conversation.answers.answer(q), memory);
      return done();
    }
    if (q.command === 'handoff') {
      await handOff(innerDc.context, conversation, memory, 'requested');
      return done();
    }
    if (q.command === 'start-over') {
      clearContext(memory);
      await sendAnswer(innerDc.context, conversation.answers.startOver(), memory);
      return done();
    }
    if (q.social === 'goodbye') {
      await sendAnswer(innerDc.context, conversation.answers.socialAnswer('goodbye'), memory);
      return done();
    }
    if (q.feedback) this.services.feedback.record(feedbackEvent(innerDc.context, memory, q.feedback === 'helpful'));
    if (q.social || q.feedback) {
      const answer = q.feedback ? conversation.answers.feedbackThanks() : conversation.answers.socialAnswer(q.social!);
      await sendAnswer(innerDc.context, answer, memory);
      if (!waiting) return { status: DialogTurnStatus.complete };
      await sendAnswer(innerDc.context, conversation.answers.stillWaiting(), memory);
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}
