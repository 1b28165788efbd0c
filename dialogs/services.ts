// What the dialogs need, handed to each of them, and the per-turn helpers they share.
import { TurnContext } from 'botbuilder';
import type { Conversation } from '../src/question-answering';
import type { FeedbackRecorder } from '../src/observability/feedback';
import type { ResolvedQuestion } from '../src/understanding/types';

export interface DialogServices {
  conversation: Conversation;
  feedback: FeedbackRecorder;
  /** Consecutive turns not understood before a handoff; 0 turns the automatic handoff off. */
  handoffAfterFailures: number;
}

/** How a turn left the conversation: done, or waiting for the answer to a clarifying question. */
export type DialogStatus = 'complete' | 'waiting';

const UNDERSTOOD = Symbol('understood');

/** The text of the message: the @mention removed (Teams), or the choice of a card button. */
export function messageText(context: TurnContext): string {
  const activity = context.activity;
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  if (text.trim() !== '') return text;
  const choice = (activity.value as { choice?: unknown } | undefined)?.choice;
  return typeof choice === 'string' ? choice : '';
}

/** Understands the turn's message once; every dialog in the turn reuses it. */
export function understandTurn(context: TurnContext, services: DialogServices): ResolvedQuestion {
  const cached = context.turnState.get(UNDERSTOOD) as ResolvedQuestion | undefined;
  if (cached) return cached;
  const question = services.conversation.understanding.understand(messageText(context));
  context.turnState.set(UNDERSTOOD, question);
  return question;
}
