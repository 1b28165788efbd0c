// Builds the reply Activity for a channel: an Adaptive Card where the channel shows cards,
// markdown text where it does not; speech and suggested actions everywhere. Choices that matter
// (which therapy, yes / no) and feedback buttons are also card buttons, because Teams shows
// suggested actions only in personal chats. In Teams the card's choices are Universal Actions, the
// ratings are Teams' own feedback buttons, and the sources are citations (see teams.ts).
import { ActivityTypes, CardFactory, MessageFactory, type Activity, type SuggestedActions } from 'botbuilder';
import type { Answer } from '../answers/types';
import type { FeedbackRating } from '../understanding/types';
import { onceForShared } from '../util/deep-freeze';
import { renderCard, type AdaptiveCard } from './card';
import { citationEntity, citationMarkers, executeChoice, TEAMS_CARD_VERSION } from './teams';
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

/** The kinds of channel an answer is rendered for: Teams, other channels with cards, text-only channels. */
type Surface = 'teams' | 'card' | 'text';

/** What an answer looks like on each kind of channel, before its buttons. */
interface Rendered {
  speak: string;
  card?: AdaptiveCard;
  markdown?: string;
  /** Teams: the headline with its citation markers, as the message's text above the card, and the entity that
   * carries the citations. */
  cited?: { text: string; entity: Record<string, unknown> };
  suggestedActions?: SuggestedActions;
}

/**
 * Renderings of shared (frozen) answers, which the answer cache hands to many turns: each is rendered
 * once a kind of channel and frozen too. Each reply still gets its own card object and body array,
 * because the buttons differ per reply and the disclaimer middleware appends to the body.
 */
const renderings: Record<Surface, WeakMap<Answer, Rendered>> = { teams: new WeakMap(), card: new WeakMap(), text: new WeakMap() };

function render(answer: Answer, surface: Surface): Rendered {
  return onceForShared(renderings[surface], answer, () => {
    const actions = answer.followUps.slice(0, MAX_SUGGESTED_ACTIONS);
    // In Teams a cited answer's headline moves above the card, as the text its citation markers belong to.
    const citations = surface === 'teams' && answer.citations?.length && answer.headline ? answer.citations : undefined;
    return {
      speak: renderSpeech(answer),
      ...(surface === 'text' ? { markdown: renderMarkdown(answer) } : {}),
      ...(surface === 'card' ? { card: renderCard(answer) } : {}),
      ...(surface === 'teams' ? { card: renderCard(answer, { version: TEAMS_CARD_VERSION, headline: !citations }) } : {}),
      ...(citations ? { cited: { text: `${answer.headline} ${citationMarkers(citations)}`, entity: citationEntity(citations) } } : {}),
      suggestedActions: actions.length > 0 ? MessageFactory.suggestedActions(actions).suggestedActions : undefined,
    };
  });
}

function surfaceOf(channelId: string | undefined): Surface {
  if (channelId === 'msteams') return 'teams';
  return supportsCards(channelId) ? 'card' : 'text';
}

/** `locale`: the reply's language (and region), which the disclaimer and the speech markup follow. */
export function buildReply(answer: Answer, channelId: string | undefined, answerId?: string, locale?: string): Partial<Activity> {
  const surface = surfaceOf(channelId);
  const rendered = render(answer, surface);
  const reply: Partial<Activity> = { type: ActivityTypes.Message, speak: rendered.speak };
  if (locale) reply.locale = locale;
  if (surface === 'teams') addTeamsFeatures(reply, rendered, answer, answerId);
  if (rendered.card) {
    const card: AdaptiveCard = { ...rendered.card, body: [...rendered.card.body] };
    addButtons(card, answer, answerId, surface);
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

/** Teams: the cited headline as text with its citations, and Teams' own feedback buttons on answers one can rate. */
function addTeamsFeatures(reply: Partial<Activity>, rendered: Rendered, answer: Answer, answerId: string | undefined): void {
  if (rendered.cited) {
    reply.text = rendered.cited.text;
    reply.entities = [rendered.cited.entity as never];
  }
  if (answerId && answer.feedbackButtons) reply.channelData = { feedbackLoopEnabled: true };
}

function addButtons(card: AdaptiveCard, answer: Answer, answerId: string | undefined, surface: Surface): void {
  const submit = (title: string, data: ButtonValue & Record<string, unknown>) => ({ type: 'Action.Submit', title, data });
  if (answer.outcome === 'clarification') {
    // Web Chat and the Emulator send the data as the message's `value`; Teams gets Universal Actions.
    card.actions = answer.followUps.map((choice) => (surface === 'teams' ? executeChoice(choice) : submit(choice, { choice })));
  } else if (surface !== 'teams' && answerId && answer.feedbackButtons) {
    // Teams rates answers with its own buttons under the message (channelData.feedbackLoopEnabled).
    card.actions = [
      submit(answer.feedbackButtons.helpful, { feedback: 'helpful', answerId }),
      submit(answer.feedbackButtons.notHelpful, { feedback: 'not-helpful', answerId }),
    ];
  }
}
