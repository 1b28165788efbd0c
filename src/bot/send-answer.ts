// Sends an Answer and remembers it: in the transcript (for a handoff) and as the answer that
// feedback buttons refer to; and records a rating as an event against the answer rated.
import { randomUUID } from 'node:crypto';
import { sha256 } from '../util/hash';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../answers/types';
import { buildReply } from '../render/activity';
import type { FeedbackListener } from '../observability/feedback';
import { languageOfLocale, type FeedbackRating, type Language, type QuestionAnswering } from '../question-answering';
import { conversationKey } from '../observability/turn-record';
import { findAnswer, rateAnswer, remember, rememberAnswer, type ConversationMemory } from '../../dialogs/memory';
import { noteAnswer } from './turn-observer';

export async function sendAnswer(context: TurnContext, answer: Answer, memory: ConversationMemory): Promise<void> {
  const answerId = randomUUID();
  const reply = buildReply(answer, context.activity.channelId, answerId, replyLocale(context.activity.locale, memory.language));
  const spoken = reply.speak ?? ''; // read before sending: the disclaimer middleware extends what is sent
  await context.sendActivity(reply);
  noteAnswer(context, answer);
  remember(memory, 'bot', spoken);
  rememberAnswer(memory, { id: answerId, therapyId: answer.therapyId, topics: answer.topics, outcome: answer.outcome });
}

/** The reply's locale: the person's own (es-MX) when it is in the conversation's language, else the language. */
function replyLocale(incoming: string | undefined, language: Language | undefined): string | undefined {
  if (!language) return incoming;
  return languageOfLocale(incoming) === language ? incoming : language;
}

/**
 * Records a rating of one of the conversation's recent answers (the given one, or else the last) and replies.
 * Each person rates an answer once: pressing the same button again is acknowledged and not counted again;
 * the other button replaces the rating, and the event says which rating it replaces.
 */
export async function giveFeedback(
  context: TurnContext,
  memory: ConversationMemory,
  rating: FeedbackRating,
  answerId: string | undefined,
  services: { answering: QuestionAnswering; feedback: FeedbackListener },
): Promise<void> {
  const rated = findAnswer(memory, answerId);
  const id = answerId ?? rated?.id;
  const { recorded, replaces } = id ? rateAnswer(memory, id, raterOf(context), rating) : { recorded: 'new' as const, replaces: undefined };
  if (recorded !== 'unchanged') {
    services.feedback.feedbackGiven({
      helpful: rating === 'helpful',
      answerId: id,
      therapyId: rated?.therapyId,
      topics: rated?.topics ?? [],
      outcome: rated?.outcome,
      ...(replaces ? { replaces } : {}),
      channelId: context.activity.channelId,
      conversation: conversationKey(context.activity.channelId, context.activity.conversation?.id),
    });
  }
  await sendAnswer(context, services.answering.feedbackReply(rating, recorded, memory.language), memory);
}

/** Who rated, as kept in state: a short hash of the sender's id (group chats share one conversation). */
function raterOf(context: TurnContext): string {
  return sha256(context.activity.from?.id ?? '', 'base64url', 8);
}
