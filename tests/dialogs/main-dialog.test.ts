// MainDialog on its own, through botbuilder-testing's DialogTestClient.
import { describe, expect, it } from 'vitest';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { MainDialog } from '../../dialogs/main-dialog';
import type { ConversationMemory } from '../../dialogs/memory';
import type { DialogServices } from '../../dialogs/services';
import { Conversation } from '../../src/conversation';
import { DisclaimerMiddleware } from '../../src/middleware/disclaimer';
import { shippedKnowledge } from '../helpers/bot-server';

function client(): DialogTestClient {
  const state = new ConversationState(new MemoryStorage());
  const services: DialogServices = {
    conversation: new Conversation(shippedKnowledge()),
    memory: state.createProperty<ConversationMemory>('memory'),
    feedback: { record: () => undefined },
    handoffAfterFailures: 3,
  };
  return new DialogTestClient('emulator', new MainDialog(services), undefined, [new DisclaimerMiddleware(shippedKnowledge().replies.disclaimer)], state);
}

const cardText = (activity: { attachments?: { content: unknown }[] }) => JSON.stringify(activity.attachments?.[0]?.content ?? '');

describe('MainDialog', () => {
  it('completes after a plain question', async () => {
    const test = client();
    const reply = await test.sendActivity('does CST help PTSD?');
    expect(cardText(reply)).toMatch(/Post-traumatic stress disorder/);
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('waits on a clarifying question, survives help, and completes on the answer', async () => {
    const test = client();
    expect(cardText(await test.sendActivity('is it safe while breastfeeding?'))).toMatch(/Which therapy do you mean/);
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    await test.sendActivity('help');
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
    test.getNextReply(); // the reminder that the question is still open
    expect(cardText(await test.sendActivity('Craniosacral therapy'))).toMatch(/avoid it while pregnant or breast-feeding/);
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });

  it('ends a waiting clarification on goodbye', async () => {
    const test = client();
    await test.sendActivity('does it help fatigue?');
    expect(cardText(await test.sendActivity('bye'))).toMatch(/Goodbye/);
    expect(test.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
  });
});
