// Issue 17, finding 2 (part): what a conversation keeps of a huge message is capped, so state stays small.
import { describe, expect, it } from 'vitest';
import { TestAdapter } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import { MAX_QUESTION_CHARS, MAX_TRANSCRIPT_LINE_CHARS, emptyMemory, remember } from '../../dialogs/memory';
import { shippedKnowledge } from '../helpers/bot-server';
import { dialogServices } from '../helpers/dialog-services';

describe('text kept from a huge message', () => {
  it('caps the question waiting for a therapy', async () => {
    const dialog = new MainDialog(dialogServices(shippedKnowledge()));
    const memory = emptyMemory();
    const adapter = new TestAdapter(async (context) => {
      await dialog.run(context, memory);
    });
    await adapter.receiveActivity(`is it safe in pregnancy? ${'x'.repeat(250_000)}`);
    expect(memory.pending).toBeDefined();
    expect(memory.pending!.text.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });

  it('caps a transcript line', () => {
    const memory = emptyMemory();
    remember(memory, 'user', 'y'.repeat(250_000));
    expect(JSON.stringify(memory).length).toBeLessThan(MAX_TRANSCRIPT_LINE_CHARS + 200);
  });
});
