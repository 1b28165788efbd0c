// What the dialogs need, handed to each of them, and the per-turn helpers they share. Dialogs reach the
// rest of the bot only through these services and the QuestionAnswering facade.
import { TurnContext } from 'botbuilder';
import type { Answer, FeedbackRating, HandoffReason, HandoffState, QuestionAnswering, ResolvedQuestion } from '../src/question-answering';
import { transcriptOf, type ConversationMemory, type TranscriptLine } from './memory';

export interface DialogServices {
  answering: QuestionAnswering;
  /** Sends an answer and remembers it in the conversation (transcript, the answers feedback can rate). */
  send(context: TurnContext, answer: Answer, memory: ConversationMemory): Promise<void>;
  /** Records a rating of one of the conversation's recent answers (the given one, or else the last), once per
   * answer and person (the latest wins), and replies to it. */
  giveFeedback(context: TurnContext, memory: ConversationMemory, rating: FeedbackRating, answerId?: string): Promise<void>;
  /** Passes a request for a person to the organisation's receiver, if there is one, and says how it went. */
  requestHandoff(context: TurnContext, memory: ConversationMemory, reason: HandoffReason): Promise<HandoffState>;
  /** Passes the person's message to the agent hub's thread for their request. */
  toAgents(context: TurnContext, hub: NonNullable<HandoffState['hub']>, text: string): Promise<void>;
  /** Tells the agent hub's thread that the person went back to the bot. */
  leaveAgents(context: TurnContext, hub: NonNullable<HandoffState['hub']>): Promise<void>;
  /** Consecutive turns not understood before a handoff; 0 turns the automatic handoff off. */
  handoffAfterFailures: number;
}

/** How a turn left the conversation: done, or waiting for the answer to a clarifying question. */
export type DialogStatus = 'complete' | 'waiting';

const UNDERSTOOD = Symbol('understood');

/** The text of the message: the @mention removed (Teams), or the choice of a card button (a submit's value,
 * or an Action.Execute's data in Teams' adaptiveCard/action invoke). */
export function messageText(context: TurnContext): string {
  const activity = context.activity;
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  if (text.trim() !== '') return text;
  const value = activity.value as { choice?: unknown; action?: { data?: { choice?: unknown } } } | undefined;
  const choice = value?.choice ?? value?.action?.data?.choice;
  return typeof choice === 'string' ? choice : '';
}

/**
 * Whether the conversation is read by several people (a Teams group chat or channel, any channel's group):
 * there the welcome is short, and a request for a person never shares the conversation's messages.
 */
export function isGroupConversation(context: TurnContext): boolean {
  const conversation = context.activity.conversation;
  if (!conversation) return false;
  return conversation.isGroup === true || conversation.conversationType === 'groupChat' || conversation.conversationType === 'channel';
}

/**
 * The conversation so far as a request for a person carries it: none from a group conversation, whose
 * messages are several people's and were not written for the support desk (nor re-posted into the group).
 */
export function handoffTranscript(context: TurnContext, memory: ConversationMemory): TranscriptLine[] {
  return isGroupConversation(context) ? [] : transcriptOf(memory);
}

/** Understands the turn's message once; every dialog in the turn reuses it. */
export function understandTurn(context: TurnContext, services: DialogServices): ResolvedQuestion {
  const cached = context.turnState.get(UNDERSTOOD) as ResolvedQuestion | undefined;
  if (cached) return cached;
  const question = services.answering.understand(messageText(context));
  context.turnState.set(UNDERSTOOD, question);
  return question;
}
