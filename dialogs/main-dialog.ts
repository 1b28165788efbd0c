// The root dialog. Interruptions are handled here, in one place, whatever is in progress:
// emergencies, a request for a person, start over, goodbye, help, thanks and feedback.
// Everything else is a question for QuestionDialog, which either answers it or asks which
// therapy was meant and waits (memory.pending) for the reply.
//
// The dialogs are plain classes over ConversationMemory rather than botbuilder-dialogs: the flow has one
// waiting state, and botbuilder-dialogs' per-turn machinery (dialog stack, memory scopes, a second state
// property) cost more than the rest of a turn's dialog work (docs/performance.md).
import type { TurnContext } from 'botbuilder';
import { handOff } from './handoff';
import { clearContext, contextOf, type ConversationMemory } from './memory';
import { QuestionDialog } from './question-dialog';
import { messageText, understandTurn, type DialogServices, type DialogStatus } from './services';

export class MainDialog {
  private readonly question: QuestionDialog;

  constructor(private readonly services: DialogServices) {
    this.question = new QuestionDialog(services);
  }

  /** Runs one message turn against the conversation's memory. */
  async run(context: TurnContext, memory: ConversationMemory): Promise<DialogStatus> {
    const interrupted = await this.interrupt(context, memory);
    if (interrupted) return interrupted;
    return memory.pending ? this.question.continue(context, memory) : this.question.begin(context, memory);
  }

  /** Handles an interruption and says how the turn ends, or returns undefined for a question. */
  private async interrupt(context: TurnContext, memory: ConversationMemory): Promise<DialogStatus | undefined> {
    const { answering, send } = this.services;
    const q = understandTurn(context, this.services);
    const done = (): DialogStatus => {
      delete memory.pending;
      return 'complete';
    };

    // While an agent hub has the request, its thread: the person talks to the support team through it.
    const standing = memory.handoff;
    const agentThread = standing?.outcome === 'agent-requested' || standing?.outcome === 'agent-joined' ? standing.hub : undefined;
    if (q.emergency) {
      await send(context, answering.answer(q, contextOf(memory)), memory);
      if (agentThread) await this.services.toAgents(context, agentThread, messageText(context));
      return done();
    }
    if (q.command === 'start-over') {
      // "Cancel" while a request for a person stands: back to the bot, truthfully about what was sent.
      if (agentThread) await this.services.leaveAgents(context, agentThread);
      const answer = standing ? answering.handoffClosed(standing, memory.language) : answering.startOver(memory.language);
      clearContext(memory);
      await send(context, answer, memory);
      return done();
    }
    // The bot does not answer for the support team; it says where things stand until someone joins.
    if (agentThread && standing) {
      await this.services.toAgents(context, agentThread, messageText(context));
      if (standing.outcome === 'agent-requested') await send(context, answering.handoffStatus(standing, memory.language), memory);
      return done();
    }
    if (q.command === 'handoff') {
      await handOff(context, this.services, memory, 'requested');
      return done();
    }
    // "Hello? Is anyone there?" while waiting for a person: where the request stands, never the welcome again.
    if (memory.handoff && (q.social === 'greeting' || q.social === 'help')) {
      await send(context, answering.handoffStatus(memory.handoff, memory.language), memory);
      return done();
    }
    if (q.social === 'goodbye') {
      await send(context, answering.social('goodbye', memory.language), memory);
      return done();
    }
    if (q.social || q.feedback) {
      if (q.feedback) await this.services.giveFeedback(context, memory, q.feedback);
      else await send(context, answering.social(q.social!, memory.language), memory);
      if (!memory.pending) return 'complete';
      await send(context, answering.stillWaiting(memory.language), memory);
      return 'waiting';
    }
    return undefined;
  }
}
