// Builds the reply Activity for a channel: an Adaptive Card where the channel shows cards,
// markdown text where it does not; speech and suggested actions everywhere.
import { ActivityTypes, CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { Answer } from '../answers/types';
import { renderCard } from './card';
import { renderMarkdown, renderSpeech } from './text';

/** Channels that render Adaptive Cards. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator']);
/** Teams shows at most three suggested actions. */
const MAX_SUGGESTED_ACTIONS = 3;

export function supportsCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}

export function buildReply(answer: Answer, channelId: string | undefined): Partial<Activity> {
  const reply: Partial<Activity> = { type: ActivityTypes.Message, speak: renderSpeech(answer) };
  if (supportsCards(channelId)) {
    reply.attachments = [CardFactory.adaptiveCard(renderCard(answer))];
    reply.summary = answer.headline || answer.lead?.text || answer.sections[0]?.facts[0]?.text;
  } else {
    reply.text = renderMarkdown(answer);
    reply.textFormat = 'markdown';
  }
  const actions = answer.followUps.slice(0, MAX_SUGGESTED_ACTIONS);
  if (actions.length > 0) reply.suggestedActions = MessageFactory.suggestedActions(actions).suggestedActions;
  return reply;
}
