// "Did you mean A or B?": a misspelt name one letter from two monographs is asked about, never
// answered; the choice (a button or the name typed) completes the pending question.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestAdapter, type Activity } from 'botbuilder';
import { MainDialog } from '../../dialogs/main-dialog';
import { emptyMemory } from '../../dialogs/memory';
import type { DialogStatus } from '../../dialogs/services';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { loadKnowledge } from '../../src/knowledge/load';
import { addMonograph, copyOfData } from '../helpers/data';
import { dialogServices } from '../helpers/dialog-services';

/** The shipped data plus two fictional monographs whose names are one letter apart. */
function knowledge(): KnowledgeBase {
  const template = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'fictional-monographs', 'moonbeam-therapy.json'), 'utf8'));
  const dir = copyOfData();
  for (const [id, name] of [
    ['velmora-therapy', 'Velmora therapy'],
    ['velmira-therapy', 'Velmira therapy'],
  ]) {
    addMonograph(dir, { ...template, id, name, otherNames: [] });
  }
  const loaded = loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return new KnowledgeBase(loaded.knowledge);
}

const services = dialogServices(knowledge());

function client() {
  const dialog = new MainDialog(services);
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

const ASKS_WHICH = /Did you mean (velmora therapy or velmira therapy|velmira therapy or velmora therapy)\?/;

describe('"did you mean A or B?"', () => {
  it('asks about a typo one letter from two names, then answers the question for the one chosen', async () => {
    const test = client();
    const [asked] = await test.send('does velmura therapy help migraines?');
    expect(asked).toMatch(ASKS_WHICH);
    expect(asked).not.toMatch(/Possibly effective/i);
    expect(test.status()).toBe('waiting');
    expect(test.memory.pending).toMatchObject({ text: 'does velmura therapy help migraines?', choosing: true });
    expect(test.memory.pending?.suggested).toBeUndefined();

    const [answer] = await test.send('Velmira therapy');
    expect(answer).toMatch(/Velmira therapy/);
    expect(answer).toMatch(/Migraine/);
    expect(test.status()).toBe('complete');
    expect(test.memory.therapyId).toBe('velmira-therapy');
  });

  it('takes no as a new clarifying question, and asks again on a yes that does not say which', async () => {
    const no = client();
    await no.send('does velmura therapy help migraines?');
    expect((await no.send('no'))[0]).toMatch(/Which therapy do you mean/);
    expect(no.memory.pending).toEqual({ text: 'does velmura therapy help migraines?' });

    const yes = client();
    await yes.send('does velmura therapy help migraines?');
    expect((await yes.send('yes'))[0]).toMatch(ASKS_WHICH);
    expect(yes.status()).toBe('waiting');
    expect((await yes.send('velmora therapy'))[0]).toMatch(/Velmora therapy/);
    expect(yes.memory.therapyId).toBe('velmora-therapy');
  });
});
