import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { CST_FILE, copyOfData, editJson } from '../helpers/data';
import { messageActivity, post } from '../helpers/bot-server';
import { startBotProcess } from '../helpers/processes';
import { SlowBot, startSlowServer } from '../helpers/slow-bot';

describe('graceful shutdown', () => {
  it('finishes an in-flight turn, then stops accepting connections', async () => {
    const server = await startSlowServer(new SlowBot(() => 400), {}, 5000);
    const inFlight = post(server.url, messageActivity('hi'));
    await sleep(100);
    const closed = server.close();
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(reply.activities[0].text).toMatch(/^finished/);
    await closed;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('exits 0 on SIGTERM and on SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const bot = await startBotProcess();
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
      bot.child.kill(signal);
      expect(await bot.exited).toBe(0);
    }
  });
});

describe('start-up with invalid data', () => {
  it('refuses to start and names the file and field', async () => {
    const dir = copyOfData();
    editJson(dir, CST_FILE, (m) => (m.uses[0].rating = 'amazing'));
    await expect(startBotProcess({ DATA_DIR: dir })).rejects.toThrow(/craniosacral-therapy\.json: uses\[0\]\.rating/);
  });

  it('refuses to start on a wrong setting and names it', async () => {
    await expect(startBotProcess({ PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });

  it('refuses to start with a DEFAULT_REGION that has no emergency numbers, and lists the regions that do', async () => {
    await expect(startBotProcess({ DEFAULT_REGION: 'UK' })).rejects.toThrow(/DEFAULT_REGION=UK has no numbers.*GB/s);
  });
});
