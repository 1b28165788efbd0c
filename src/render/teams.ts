// What Teams offers a bot's message beyond the card: citations to the answer's sources (Teams shows [1] in
// the text and the source on hover), its own feedback buttons, and Universal Actions (Action.Execute) for
// the card's choices, with the plain submit that Teams clients knowing only Adaptive Cards 1.4 fall back to.
import type { Citation } from '../answers/types';
import { clip } from '../text/clip';
import { escapeMarkdown } from '../text/markdown';
import type { AdaptiveCard } from './card';

/** Universal Actions need Adaptive Cards 1.4 or later; Teams renders 1.5. */
export const TEAMS_CARD_VERSION = '1.5';
/** The verb of a choice button's Action.Execute, read back in the adaptiveCard/action invoke. */
export const CHOOSE_VERB = 'choose';

/** Teams' limits on a citation's appearance: longer values are refused or cut by the client. */
const CITATION_NAME_LIMIT = 80;
const CITATION_ABSTRACT_LIMIT = 160;

/** "[1][2]": the markers that tie the message's text to its citations, in order. */
export function citationMarkers(citations: readonly Citation[]): string {
  return citations.map((_, i) => `[${i + 1}]`).join('');
}

/** The schema.org Message entity carrying the citations. No "AI generated" label: no model wrote the answer. */
export function citationEntity(citations: readonly Citation[]): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: citations.map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(c.name, CITATION_NAME_LIMIT),
        abstract: clip(c.abstract, CITATION_ABSTRACT_LIMIT),
      },
    })),
  };
}

/**
 * A choice button: Action.Execute (the adaptiveCard/action invoke, whose answer updates the card in place);
 * older clients use the fallback, which Teams posts as the person's own message (imBack).
 */
export function executeChoice(choice: string): Record<string, unknown> {
  return {
    type: 'Action.Execute',
    title: choice,
    verb: CHOOSE_VERB,
    data: { choice },
    fallback: { type: 'Action.Submit', title: choice, data: { choice, msteams: { type: 'imBack', value: choice } } },
  };
}

/** Longest choice read back from an invoke: choices are therapy names and short answers. */
const CHOICE_LIMIT = 200;

/**
 * The card that replaces a choice card once a choice is made: the choice, ticked, and no buttons, so the
 * same question cannot be answered twice. The choice comes from the client, so it is escaped like any text.
 */
export function choiceMadeCard(choice: string): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: TEAMS_CARD_VERSION,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [{ type: 'TextBlock', text: `✔️ ${escapeMarkdown(choice.slice(0, CHOICE_LIMIT))}`, wrap: true, weight: 'Bolder' }],
  };
}
