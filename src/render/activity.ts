// Builds the reply Activity for a channel: an Adaptive Card where the channel shows cards,
// markdown text where it does not; speech and suggested actions everywhere. Choices that matter
// (which therapy, yes / no) and feedback buttons are also card buttons, because Teams shows
// suggested actions only in personal chats.
import { ActivityTypes, CardFactory, MessageFactory, type Activity, type SuggestedActions } from 'botbuilder';
import type { Answer } from '../answers/types';
import type { FeedbackRating } from '../understanding/types';
import { onceForShared } from '../util/deep-freeze';
import { renderCard, type AdaptiveCard } from './card';
import { renderMarkdown, renderSpeech } from './text';
import { plainFromEscaped } from '../text/markdown';

/** Channels that render Adaptive Cards. */
const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator']);
/** Teams shows at most three suggested actions. */
const MAX_SUGGESTED_ACTIONS = 3;

/** What a card button sends back: `choice` is read as the message text, `feedback` rates an answer. */
export interface ButtonValue {
  choice?: string;
  feedback?: FeedbackRating;
  answerId?: string;
}

export function supportsCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}

/** What an answer looks like on each kind of channel, before its buttons. */
interface Rendered {
  speak: string;
  card?: AdaptiveCard;
  markdown?: string;
  suggestedActions?: SuggestedActions;
}

/**
 * Renderings of shared (frozen) answers, which the answer cache hands to many turns: each is rendered
 * once a kind of channel and frozen too. Each reply still gets its own card object and body array,
 * because the buttons differ per reply and the disclaimer middleware appends to the body.
 */
const cardRenderings = new WeakMap<Answer, Rendered>();
const textRenderings = new WeakMap<Answer, Rendered>();

function render(answer: Answer, cards: boolean): Rendered {
  return onceForShared(cards ? cardRenderings : textRenderings, answer, () => {
    const actions = answer.followUps.slice(0, MAX_SUGGESTED_ACTIONS);
    return {
      speak: renderSpeech(answer),
      ...(cards ? { card: renderCard(answer) } : { markdown: renderMarkdown(answer) }),
      suggestedActions: actions.length > 0 ? MessageFactory.suggestedActions(actions).suggestedActions : undefined,
    };
  });
}

/** `locale`: the reply's language (and region), which the disclaimer and the speech markup follow. */
export function buildReply(answer: Answer, channelId: string | undefined, answerId?: string, locale?: string): Partial<Activity> {
  const rendered = render(answer, supportsCards(channelId));
  const reply: Partial<Activity> = { type: ActivityTypes.Message, speak: rendered.speak };
  if (locale) reply.locale = locale;
  if (rendered.card) {
    const card: AdaptiveCard = { ...rendered.card, body: [...rendered.card.body] };
    addButtons(card, answer, answerId);
    reply.attachments = [CardFactory.adaptiveCard(card)];
    // Notifications, chat-list previews and clients without cards show this instead of the card: the answer's
    // first line, not the headline, which only names the therapy.
    const firstLine = plainFromEscaped(firstLineOf(answer));
    reply.summary = firstLine;
    card.fallbackText = firstLine;
  } else {
    reply.text = rendered.markdown;
    reply.textFormat = 'markdown';
  }
  if (rendered.suggestedActions) reply.suggestedActions = rendered.suggestedActions;
  return reply;
}

/** What the answer says first: the lead, else the first section's rating (with what it rates) or fact. */
function firstLineOf(answer: Answer): string {
  if (answer.lead) return answer.lead.text;
  const section = answer.sections.find((s) => s.rating || s.facts.length > 0);
  if (section?.rating) {
    const { label, meaning } = section.rating;
    return `${section.title ? `${section.title}: ` : ''}${label}. ${meaning}`;
  }
  return section?.facts[0]?.text ?? answer.headline;
}

function addButtons(card: AdaptiveCard, answer: Answer, answerId: string | undefined): void {
  const submit = (title: string, data: ButtonValue & Record<string, unknown>) => ({ type: 'Action.Submit', title, data });
  if (answer.outcome === 'clarification') {
    // Teams posts msteams.imBack as the user's own message; other clients send the data as `value`.
    card.actions = answer.followUps.map((choice) => submit(choice, { choice, msteams: { type: 'imBack', value: choice } }));
  } else if (answerId && answer.feedbackButtons) {
    card.actions = [
      submit(answer.feedbackButtons.helpful, { feedback: 'helpful', answerId }),
      submit(answer.feedbackButtons.notHelpful, { feedback: 'not-helpful', answerId }),
    ];
  }
}
