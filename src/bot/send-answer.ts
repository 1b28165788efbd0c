// Sends an Answer and remembers it: in the transcript (for a handoff) and as the answer that
// feedback buttons refer to; and turns feedback into the event recorded against the answer rated.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../answers/types';
import { buildReply } from '../render/activity';
import type { FeedbackEvent } from '../observability/feedback';
import { conversationKey } from '../observability/turn-record';
import { findAnswer, remember, rememberAnswer, type ConversationMemory } from '../../dialogs/memory';
import { noteAnswer } from './turn-observer';

export async function sendAnswer(context: TurnContext, answer: Answer, memory: ConversationMemory): Promise<void> {
  const answerId = randomUUID();
  const reply = buildReply(answer, context.activity.channelId, answerId);
  const spoken = reply.speak ?? ''; // read before sending: the disclaimer middleware extends what is sent
  await context.sendActivity(reply);
  noteAnswer(context, answer);
  remember(memory, 'bot', spoken);
  rememberAnswer(memory, { id: answerId, therapyId: answer.therapyId, topics: answer.topics, outcome: answer.outcome });
}

/** Feedback on one of the conversation's recent answers (the given one, or else the last), never its text. */
export function feedbackEvent(context: TurnContext, memory: ConversationMemory, helpful: boolean, answerId?: string): FeedbackEvent {
  const rated = findAnswer(memory, answerId);
  return {
    helpful,
    answerId: answerId ?? rated?.id,
    therapyId: rated?.therapyId,
    topics: rated?.topics ?? [],
    outcome: rated?.outcome,
    channelId: context.activity.channelId,
    conversation: conversationKey(context.activity.channelId, context.activity.conversation?.id),
  };
}
