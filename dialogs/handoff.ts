// A request for a person: passed to the organisation's receiver when there is one (a ticket webhook), the
// person told truthfully what happens next, then the standard Bot Framework handoff initiation event with
// the conversation's transcript (none in a group conversation). One request stands a conversation: asking
// again says where it stands.
import { ActivityTypes, EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { HandoffReason } from '../src/question-answering';
import type { ConversationMemory } from './memory';
import { handoffTranscript, type DialogServices } from './services';

export async function handOff(
  context: TurnContext,
  services: DialogServices,
  memory: ConversationMemory,
  reason: HandoffReason,
): Promise<void> {
  const standing = memory.handoff;
  if (standing && standing.outcome !== 'ticket-failed' && standing.outcome !== 'agent-failed') {
    await services.send(context, services.answering.handoffStatus(standing, memory.language), memory);
    return;
  }
  const state = await services.requestHandoff(context, memory, reason);
  memory.handoff = state;
  await services.send(context, services.answering.handoff(reason, state, memory.language), memory);
  const transcript = {
    activities: handoffTranscript(context, memory).map(
      (line) =>
        ({
          type: ActivityTypes.Message,
          text: line.text,
          timestamp: new Date(line.timestamp),
          from: line.from === 'user' ? context.activity.from : context.activity.recipient,
        }) as Activity,
    ),
  };
  await context.sendActivity(EventFactory.createHandoffInitiation(context, { reason, skill: 'support-desk' }, transcript));
  memory.failures = 0;
}
