// MainDialog on its own: one memory object carried across turns, driven through botbuilder's TestAdapter.
import { describe, expect, it } from 'vitest';
import { TestAdapter, type Activity } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import { emptyMemory } from '../../dialogs/memory';
import type { DialogStatus } from '../../dialogs/services';
import { shippedKnowledge } from '../helpers/bot-server';
import { dialogServices } from '../helpers/dialog-services';

function client() {
  const dialog = new MainDialog(dialogServices(shippedKnowledge()));
  const memory = emptyMemory();
  let status: DialogStatus | undefined;
  const adapter = new TestAdapter(async (context) => {
    status = await dialog.run(context, memory);
  });
  return {
    memory,
    status: () => status,
    /** Sends a message and returns the cards' text of every reply it got. */
    async send(text: string): Promise<string[]> {
      const before = adapter.activeQueue.length;
      await adapter.receiveActivity(text);
      return adapter.activeQueue.splice(before).map((a: Partial<Activity>) => JSON.stringify(a.attachments?.[0]?.content ?? a.text ?? ''));
    },
  };
}

describe('MainDialog', () => {
  it('completes after a plain question', async () => {
    const test = client();
    const [reply] = await test.send('does CST help PTSD?');
    expect(reply).toMatch(/Post-traumatic stress disorder/);
    expect(test.status()).toBe('complete');
    expect(test.memory.pending).toBeUndefined();
  });

  it('waits on a clarifying question, survives help, and completes on the answer', async () => {
    const test = client();
    expect((await test.send('is it safe while breastfeeding?'))[0]).toMatch(/Which therapy do you mean/);
    expect(test.status()).toBe('waiting');
    expect(test.memory.pending?.text).toBe('is it safe while breastfeeding?');
    const help = await test.send('help');
    expect(help).toHaveLength(2); // the help, then the reminder that the question is still open
    expect(test.status()).toBe('waiting');
    expect((await test.send('Craniosacral therapy'))[0]).toMatch(/avoid it while pregnant or breast-feeding/);
    expect(test.status()).toBe('complete');
    expect(test.memory.pending).toBeUndefined();
  });

  it('takes yes to "did you mean" as the suggested therapy, and no as a new clarifying question', async () => {
    const test = client();
    expect((await test.send('is cranial safe in pregnancy?'))[0]).toMatch(/Did you mean/i);
    expect(test.memory.pending?.suggested).toBe('craniosacral-therapy');
    expect((await test.send('no'))[0]).toMatch(/Which therapy do you mean/);
    expect(test.memory.pending).toEqual({ text: 'is cranial safe in pregnancy?' });

    const again = client();
    await again.send('is cranial safe in pregnancy?');
    expect((await again.send('yes'))[0]).toMatch(/avoid it while pregnant or breast-feeding/);
    expect(again.status()).toBe('complete');
  });

  it('asks which therapy for "can I have it done while …" and then answers that question', async () => {
    const test = client();
    expect((await test.send("can I still have it done while I'm nursing?"))[0]).toMatch(/Which therapy do you mean/);
    expect((await test.send('sorry, I meant craniosacral therapy'))[0]).toMatch(/breast-feeding/);
  });

  it('a correction of the therapy asks the last question again for the therapy now named', async () => {
    const test = client();
    expect((await test.send('is reflexology safe in pregnancy?'))[0]).toMatch(/don't have information about Reflexology/);
    const corrected = (await test.send('no wait, I meant craniosacral'))[0];
    expect(corrected).toMatch(/avoid it while pregnant or breast-feeding/);
    expect(test.memory.therapyId).toBe('craniosacral-therapy');
  });

  it('a description completes the waiting question', async () => {
    const test = client();
    expect((await test.send('is it safe after a head injury?'))[0]).toMatch(/Which therapy do you mean/);
    expect((await test.send('the one where they hold your head really gently'))[0]).toMatch(/brain injury/i);
  });

  it('a therapy named on its own after a question about another asks that question again', async () => {
    const test = client();
    await test.send('is reiki safe while breastfeeding?');
    expect((await test.send('craniosacral therapy?'))[0]).toMatch(/avoid it while pregnant or breast-feeding/);
    // The same therapy named again is a question of its own (an overview), not the last one again.
    expect((await test.send('craniosacral therapy'))[0]).toMatch(/skull/);
  });

  it('a message that asks nothing keeps the question before it as the one to ask again', async () => {
    const test = client();
    expect((await test.send('is it suitable for a 14 year old?'))[0]).toMatch(/Which therapy do you mean/);
    await test.send('sorry, forgot to say');
    expect((await test.send('I mean craniosacral therapy'))[0]).toMatch(/no specific information about craniosacral therapy for teenagers/);
  });

  it('a description beside a therapy with no monograph is only a guess: "did you mean …?"', async () => {
    const test = client();
    await test.send('does it interact with warfarin?');
    expect((await test.send('the skull massage thing where they barely touch your head'))[0]).toMatch(/Did you mean craniosacral therapy/);
    expect((await test.send('yes'))[0]).toMatch(/interactions/);
  });

  it('drops a waiting clarification when the person asks something else', async () => {
    const test = client();
    await test.send('does it help fatigue?');
    expect((await test.send('what is craniosacral therapy?'))[0]).toMatch(/skull/);
    expect(test.status()).toBe('complete');
    expect(test.memory.pending).toBeUndefined();
  });

  it('ends a waiting clarification on goodbye', async () => {
    const test = client();
    await test.send('does it help fatigue?');
    expect((await test.send('bye'))[0]).toMatch(/Goodbye/);
    expect(test.status()).toBe('complete');
    expect(test.memory.pending).toBeUndefined();
  });
});
