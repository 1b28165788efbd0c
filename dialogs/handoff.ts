// Hands the conversation to a person: a message saying what happens next, then the standard
// Bot Framework handoff initiation event carrying the conversation's transcript.
import { ActivityTypes, EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { HandoffReason } from '../src/question-answering';
import { transcriptOf, type ConversationMemory } from './memory';
import type { DialogServices } from './services';

export async function handOff(
  context: TurnContext,
  services: DialogServices,
  memory: ConversationMemory,
  reason: HandoffReason,
): Promise<void> {
  await services.send(context, services.answering.handoff(reason), memory);
  const transcript = {
    activities: transcriptOf(memory).map(
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
