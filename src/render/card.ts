// Renders an Answer as an Adaptive Card, schema 1.4 so that every client renders it (Teams gets 1.5): the evidence rating
// as a labelled badge with its plain meaning, warnings called out, the source in small print.
import type { Answer, RatingBadge } from '../answers/types';

export const CARD_VERSION = '1.4';

type Element = Record<string, unknown>;

const textBlock = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });

/** Colour of a badge: green for supportive ratings, amber for unknowns, red for "does not work" or unsafe. */
function badgeColor(badge: RatingBadge): string {
  if (badge.level === 'effective' || badge.level === 'likely-effective' || badge.level === 'likely-safe') return 'Good';
  if (badge.level === 'possibly-effective' || badge.level === 'possibly-safe') return 'Accent';
  if (badge.level === 'insufficient-evidence' || badge.level === 'insufficient-information') return 'Warning';
  return 'Attention';
}

/**
 * The rating as words first (the label says it; the colour only repeats it), in the default container style:
 * hosts define their default palette for text on the card's own background (Web Chat's meets WCAG AA), where
 * an emphasis container fell back to the SDK's orange on grey (2.3:1).
 */
function badge(b: RatingBadge): Element {
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(b.caption, { size: 'Small', isSubtle: true, spacing: 'None' }),
      textBlock(b.label, { weight: 'Bolder', color: badgeColor(b), spacing: 'None' }),
      textBlock(b.meaning, { spacing: 'None' }),
    ],
  };
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  $schema: string;
  body: Element[];
  actions?: Element[];
  /** Shown by clients that cannot render the card. */
  fallbackText?: string;
}

/** `version`: the schema version the client renders; `headline: false` when the headline is shown elsewhere. */
export function renderCard(answer: Answer, options: { version?: string; headline?: boolean } = {}): AdaptiveCard {
  const body: Element[] = [];
  if (answer.headline && options.headline !== false) body.push(textBlock(answer.headline, { size: 'Medium', weight: 'Bolder' }));
  if (answer.lead) {
    const style = answer.kind === 'emergency' ? 'attention' : 'emphasis';
    body.push({ type: 'Container', style, items: [textBlock(answer.lead.text, { weight: 'Bolder' })] });
  }
  for (const section of answer.sections) {
    if (section.title) body.push(textBlock(section.title, { weight: 'Bolder', spacing: 'Medium' }));
    if (section.rating) body.push(badge(section.rating));
    for (const fact of section.facts) body.push(textBlock(fact.text));
  }
  for (const warning of answer.warnings) {
    body.push({
      type: 'Container',
      style: 'warning',
      spacing: 'Medium',
      items: [textBlock(`⚠️ ${warning.title}`, { weight: 'Bolder' }), ...warning.facts.map((f) => textBlock(f.text))],
    });
  }
  if (answer.source) body.push(textBlock(answer.source, { size: 'Small', isSubtle: true, spacing: 'Medium' }));
  return {
    type: 'AdaptiveCard',
    version: options.version ?? CARD_VERSION,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body,
  };
}
