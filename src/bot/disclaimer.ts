// The one place that guarantees the seek-professional-advice disclaimer: every message the bot
// sends carries it, whichever dialog or handler produced it (in Teams each message stands alone,
// and a notification or a forwarded message shows one message only). In a message with an
// Adaptive Card it becomes the card's last line, so it reads after the answer.
import { ActivityTypes, CardFactory, type Activity, type Middleware, type TurnContext } from 'botbuilder';

export class DisclaimerMiddleware implements Middleware {
  constructor(private readonly disclaimer: string) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) if (activity.type === ActivityTypes.Message) this.addTo(activity);
      return sendNext();
    });
    await next();
  }

  private addTo(activity: Partial<Activity>): void {
    const card = activity.attachments?.find((a) => a.contentType === CardFactory.contentTypes.adaptiveCard);
    const body = (card?.content as { body?: unknown[] } | undefined)?.body;
    if (Array.isArray(body)) {
      body.push({ type: 'TextBlock', text: this.disclaimer, wrap: true, size: 'Small', isSubtle: true, spacing: 'Medium' });
      // A client that shows the fallback instead of the card shows the disclaimer too.
      const content = card!.content as { fallbackText?: string };
      if (content.fallbackText) content.fallbackText = `${content.fallbackText} ${this.disclaimer}`;
    } else {
      activity.text = activity.text ? `${activity.text}\n\n_${this.disclaimer}_` : `_${this.disclaimer}_`;
    }
    if (activity.speak) activity.speak = `${activity.speak} ${this.disclaimer}`;
  }
}
