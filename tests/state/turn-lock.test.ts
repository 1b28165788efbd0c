import { describe, expect, it } from 'vitest';
import { TurnLock } from '../../src/state/turn-lock';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('TurnLock', () => {
  it('runs the turns of one conversation one at a time, in arrival order', async () => {
    const lock = new TurnLock();
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const turn = (name: string) =>
      lock.run('conv-a', async () => {
        running++;
        most = Math.max(most, running);
        events.push(`start ${name}`);
        await tick();
        events.push(`end ${name}`);
        running--;
      });
    await Promise.all([turn('1'), turn('2'), turn('3')]);
    expect(most).toBe(1);
    expect(events).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('runs turns of different conversations at the same time', async () => {
    const lock = new TurnLock();
    let running = 0;
    let most = 0;
    await Promise.all(
      ['a', 'b', 'c'].map((key) =>
        lock.run(key, async () => {
          running++;
          most = Math.max(most, running);
          await tick();
          running--;
        }),
      ),
    );
    expect(most).toBe(3);
  });

  it('lets the next turn run after one fails, and passes results and errors through', async () => {
    const lock = new TurnLock();
    const failing = lock.run('conv', async () => {
      await tick();
      throw new Error('turn broke');
    });
    const next = lock.run('conv', async () => 'second ran');
    await expect(failing).rejects.toThrow('turn broke');
    await expect(next).resolves.toBe('second ran');
  });

  it('keeps no entry for a conversation once its turns are done (no leak over 10,000 conversations)', async () => {
    const lock = new TurnLock();
    let largest = 0;
    for (let batch = 0; batch < 100; batch++) {
      const turns = Array.from({ length: 100 }, (_, i) => lock.run(`conv-${batch}-${i % 50}`, async () => undefined));
      largest = Math.max(largest, lock.size);
      await Promise.all(turns);
    }
    expect(largest).toBe(50);
    expect(lock.size).toBe(0);
  });
});
