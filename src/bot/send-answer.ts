// Sends an Answer and remembers it: in the transcript (for a handoff) and as the answer that
// feedback buttons refer to; and records a rating as an event against the answer rated.
import { randomUUID } from 'node:crypto';
import { sha256 } from '../util/hash';
import type { TurnContext } from 'botbuilder';
import type { Answer } from '../answers/types';
import { buildReply } from '../render/activity';
import type { FeedbackEvent, FeedbackListener } from '../observability/feedback';
import { languageOfLocale, type FeedbackRating, type FeedbackRecorded, type Language, type QuestionAnswering } from '../question-answering';
import { conversationKey } from '../observability/turn-record';
import {
  findAnswer,
  findAnswerByMessage,
  rateAnswer,
  remember,
  rememberAnswer,
  type AnswerRecord,
  type ConversationMemory,
} from '../../dialogs/memory';
import { noteAnswer } from './turn-observer';

export async function sendAnswer(context: TurnContext, answer: Answer, memory: ConversationMemory): Promise<void> {
  const answerId = randomUUID();
  const reply = buildReply(answer, context.activity.channelId, answerId, replyLocale(context.activity.locale, memory.language));
  const spoken = reply.speak ?? ''; // read before sending: the disclaimer middleware extends what is sent
  const sent = await context.sendActivity(reply);
  noteAnswer(context, answer);
  remember(memory, 'bot', spoken);
  // Teams names the message it rates by the id the connector gave it (none when replies are buffered).
  const messageId = sent?.id || undefined;
  rememberAnswer(memory, { id: answerId, therapyId: answer.therapyId, topics: answer.topics, outcome: answer.outcome, messageId });
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
  const recorded = recordRating(context, memory, rating, answerId ?? rated?.id, rated, services.feedback);
  await sendAnswer(context, services.answering.feedbackReply(rating, recorded, memory.language), memory);
}

/**
 * Records a rating given with Teams' own feedback buttons, which name the rated message by the id Teams gave
 * it, and reply nothing (Teams shows its own thanks). Whether the person wrote a comment is recorded; the
 * comment is not: it may be health information. A message no longer remembered still counts, unattributed.
 */
export function giveTeamsFeedback(
  context: TurnContext,
  memory: ConversationMemory,
  rating: FeedbackRating,
  commented: boolean,
  feedback: FeedbackListener,
): void {
  const messageId = context.activity.replyToId;
  const rated = messageId ? findAnswerByMessage(memory, messageId) : undefined;
  recordRating(context, memory, rating, rated?.id, rated, feedback, { commented });
}

/** Records a rating once per answer and person (see giveFeedback) and tells the listener; says what it did. */
function recordRating(
  context: TurnContext,
  memory: ConversationMemory,
  rating: FeedbackRating,
  id: string | undefined,
  rated: AnswerRecord | undefined,
  feedback: FeedbackListener,
  extra: Pick<FeedbackEvent, 'commented'> = {},
): FeedbackRecorded {
  const { recorded, replaces } = id ? rateAnswer(memory, id, raterOf(context), rating) : { recorded: 'new' as const, replaces: undefined };
  if (recorded !== 'unchanged') {
    feedback.feedbackGiven({
      helpful: rating === 'helpful',
      answerId: id,
      therapyId: rated?.therapyId,
      topics: rated?.topics ?? [],
      outcome: rated?.outcome,
      ...(replaces ? { replaces } : {}),
      ...extra,
      channelId: context.activity.channelId,
      conversation: conversationKey(context.activity.channelId, context.activity.conversation?.id),
    });
  }
  return recorded;
}

/** Who rated, as kept in state: a short hash of the sender's id (group chats share one conversation). */
function raterOf(context: TurnContext): string {
  return sha256(context.activity.from?.id ?? '', 'base64url', 8);
}
