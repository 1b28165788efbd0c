import { describe, expect, it } from 'vitest';
import { ActivityTypes, MessageFactory, TestAdapter, type TurnContext } from 'botbuilder';
import { DisclaimerMiddleware } from '../../src/bot/disclaimer';

const DISCLAIMER = 'Please talk to your doctor.';

const adapterWith = (logic: (context: TurnContext) => Promise<void>) => new TestAdapter(logic).use(new DisclaimerMiddleware(DISCLAIMER));

describe('DisclaimerMiddleware', () => {
  it('adds the disclaimer to every message of every turn: in Teams each message stands alone', async () => {
    await adapterWith(async (context) => {
      await context.sendActivity('first');
      await context.sendActivity('second');
    })
      .send('question one')
      .assertReply(`first\n\n_${DISCLAIMER}_`)
      .assertReply(`second\n\n_${DISCLAIMER}_`)
      .send('question two')
      .assertReply(`first\n\n_${DISCLAIMER}_`)
      .assertReply(`second\n\n_${DISCLAIMER}_`)
      .startTest();
  });

  it('adds it to speech too, and to a message with no text', async () => {
    await adapterWith(async (context) => {
      const card = MessageFactory.attachment({ contentType: 'application/vnd.microsoft.card.adaptive', content: {} });
      card.speak = 'spoken';
      await context.sendActivity(card);
    })
      .send('question')
      .assertReply((activity) => {
        expect(activity.text).toBe(`_${DISCLAIMER}_`);
        expect(activity.speak).toBe(`spoken ${DISCLAIMER}`);
      })
      .startTest();
  });

  it("adds it to a card's plain-text fallback, which some clients show instead of the card", async () => {
    await adapterWith(async (context) => {
      const content = { type: 'AdaptiveCard', body: [], fallbackText: 'The first line.' };
      await context.sendActivity(MessageFactory.attachment({ contentType: 'application/vnd.microsoft.card.adaptive', content }));
    })
      .send('question')
      .assertReply((activity) => {
        expect((activity.attachments?.[0].content as { fallbackText: string }).fallbackText).toBe(`The first line. ${DISCLAIMER}`);
      })
      .startTest();
  });

  it('skips typing and event activities', async () => {
    await adapterWith(async (context) => {
      await context.sendActivity({ type: ActivityTypes.Typing });
      await context.sendActivity({ type: ActivityTypes.Event, name: 'handoff.initiate' });
      await context.sendActivity('answer');
    })
      .send('question')
      .assertReply((activity) => expect(activity.type).toBe(ActivityTypes.Typing))
      .assertReply((activity) => expect(activity.text).toBeUndefined())
      .assertReply(`answer\n\n_${DISCLAIMER}_`)
      .startTest();
  });
});
