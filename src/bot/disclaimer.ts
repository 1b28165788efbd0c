// The one place that guarantees the seek-professional-advice disclaimer: every message the bot
// sends carries it, whichever dialog or handler produced it (in Teams each message stands alone,
// and a notification or a forwarded message shows one message only). In a message with an
// Adaptive Card it becomes the card's last line, so it reads after the answer. It is in the message's
// language: the reply's locale (the conversation's language), else the person's message's locale.
// Cards a person reads that travel in an invoke's response get it too: a card that replaces one in place
// (Universal Actions) and the cards a message extension offers to insert into a chat.
import { ActivityTypes, CardFactory, type Activity, type Attachment, type Middleware, type TurnContext } from 'botbuilder';
import { languageOfLocale, type Language } from '../question-answering';

export class DisclaimerMiddleware implements Middleware {
  private readonly disclaimerIn: (language: Language) => string;

  /** `disclaimer`: the sentence, or the sentence in each language. */
  constructor(disclaimer: string | ((language: Language) => string)) {
    this.disclaimerIn = typeof disclaimer === 'string' ? () => disclaimer : disclaimer;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) {
        const language = languageOfLocale(activity.locale) ?? languageOfLocale(context.activity.locale) ?? 'en';
        if (activity.type === ActivityTypes.Message) addTo(activity, this.disclaimerIn(language));
        else if (activity.type === ActivityTypes.InvokeResponse) addToInvokeResponse(activity, this.disclaimerIn(language));
      }
      return sendNext();
    });
    await next();
  }
}

function addTo(activity: Partial<Activity>, disclaimer: string): void {
  const card = activity.attachments?.find((a) => a.contentType === CardFactory.contentTypes.adaptiveCard);
  if (!card || !addToCard(card.content, disclaimer)) {
    activity.text = activity.text ? `${activity.text}\n\n_${disclaimer}_` : `_${disclaimer}_`;
  }
  if (activity.speak) activity.speak = `${activity.speak} ${disclaimer}`;
}

/** Appends the disclaimer as the card's last line (and to its fallback text); false when it is not a card body. */
function addToCard(content: unknown, disclaimer: string): boolean {
  const card = content as { body?: unknown[]; fallbackText?: string } | undefined;
  if (!Array.isArray(card?.body)) return false;
  card.body.push({ type: 'TextBlock', text: disclaimer, wrap: true, size: 'Small', isSubtle: true, spacing: 'Medium' });
  // A client that shows the fallback instead of the card shows the disclaimer too.
  if (card.fallbackText) card.fallbackText = `${card.fallbackText} ${disclaimer}`;
  return true;
}

/**
 * An invoke's answer: a card update (`{ type: <adaptive card type>, value: card }`) or a message extension's result
 * (`{ composeExtension: { attachments } }`, or its `text` when there is nothing to offer): each card that can be
 * inserted into the chat, and the text, gets the disclaimer. Result previews (the list a person picks from) are
 * not messages and stay short.
 */
function addToInvokeResponse(activity: Partial<Activity>, disclaimer: string): void {
  const body = (activity.value as { body?: unknown } | undefined)?.body as InvokeBody | undefined;
  if (!body) return;
  // A card update (Universal Actions, adaptiveCard/action) is typed as the card it carries.
  if (body.type === CardFactory.contentTypes.adaptiveCard) addToCard(body.value, disclaimer);
  const extension = body.composeExtension;
  if (extension?.type === 'message' && extension.text) extension.text = `${extension.text} ${disclaimer}`;
  for (const attachment of extension?.attachments ?? []) {
    if (attachment.contentType === CardFactory.contentTypes.adaptiveCard) addToCard(attachment.content, disclaimer);
  }
}

/** The parts of an invoke response's body that a person reads. */
interface InvokeBody {
  type?: string;
  value?: unknown;
  composeExtension?: { type?: string; text?: string; attachments?: Attachment[] };
}
