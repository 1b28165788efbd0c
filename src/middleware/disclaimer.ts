// The one place that guarantees the seek-professional-advice disclaimer: the first message the
// bot sends in every turn carries it, whichever dialog or handler produced the message.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';

export class DisclaimerMiddleware implements Middleware {
  constructor(private readonly disclaimer: string) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    let added = false;
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) {
        if (added || activity.type !== ActivityTypes.Message) continue;
        activity.text = activity.text ? `${activity.text}\n\n_${this.disclaimer}_` : `_${this.disclaimer}_`;
        if (activity.speak) activity.speak = `${activity.speak} ${this.disclaimer}`;
        added = true;
      }
      return sendNext();
    });
    await next();
  }
}
