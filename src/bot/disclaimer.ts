// The one place that guarantees the seek-professional-advice disclaimer: every message the bot
// sends carries it, whichever dialog or handler produced it (in Teams each message stands alone,
// and a notification or a forwarded message shows one message only). In a message with an
// Adaptive Card it becomes the card's last line, so it reads after the answer. It is in the message's
// language: the reply's locale (the conversation's language), else the person's message's locale.
import { ActivityTypes, CardFactory, type Activity, type Middleware, type TurnContext } from 'botbuilder';
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
        if (activity.type !== ActivityTypes.Message) continue;
        const language = languageOfLocale(activity.locale) ?? languageOfLocale(context.activity.locale) ?? 'en';
        addTo(activity, this.disclaimerIn(language));
      }
      return sendNext();
    });
    await next();
  }
}

function addTo(activity: Partial<Activity>, disclaimer: string): void {
  const card = activity.attachments?.find((a) => a.contentType === CardFactory.contentTypes.adaptiveCard);
  const body = (card?.content as { body?: unknown[] } | undefined)?.body;
  if (Array.isArray(body)) {
    body.push({ type: 'TextBlock', text: disclaimer, wrap: true, size: 'Small', isSubtle: true, spacing: 'Medium' });
    // A client that shows the fallback instead of the card shows the disclaimer too.
    const content = card!.content as { fallbackText?: string };
    if (content.fallbackText) content.fallbackText = `${content.fallbackText} ${disclaimer}`;
  } else {
    activity.text = activity.text ? `${activity.text}\n\n_${disclaimer}_` : `_${disclaimer}_`;
  }
  if (activity.speak) activity.speak = `${activity.speak} ${disclaimer}`;
}
