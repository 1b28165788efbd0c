import { describe, expect, it } from 'vitest';
import { ActivityTypes, MessageFactory, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
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

  it("adds it to what an invoke's response shows: a card updated in place, a message extension's cards and its text", async () => {
    const card = () => ({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'answer' }] });
    const bodies: Record<string, unknown>[] = [
      { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card() },
      {
        composeExtension: {
          type: 'result',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card(), preview: { content: { title: 'x' } } }],
        },
      },
      { composeExtension: { type: 'message', text: 'No monograph for that.' } },
    ];
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async (context) => {
      for (const body of bodies) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    }).use(new DisclaimerMiddleware(DISCLAIMER));
    adapter.use({
      onTurn: async (context, next) => {
        context.onSendActivities(async (_ctx, activities, sendNext) => {
          sent.push(...activities);
          return sendNext();
        });
        await next();
      },
    });
    await adapter.send('question').startTest();
    const [update, results, message] = sent.map((a) => JSON.stringify(a.value));
    expect(update).toContain(`{"type":"TextBlock","text":"${DISCLAIMER}"`);
    expect(results).toContain(`{"type":"TextBlock","text":"${DISCLAIMER}"`);
    expect(results).not.toMatch(/"preview":\{"content":\{"title":"x","/);
    expect(message).toContain(`"text":"No monograph for that. ${DISCLAIMER}"`);
  });
});
