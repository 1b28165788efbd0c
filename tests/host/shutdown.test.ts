import { describe, expect, it } from 'vitest';
import { ActivityHandler } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAdapter } from '../../src/host/adapter';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { limitsFrom, startServer } from '../../src/host/server';
import { TurnListeners } from '../../src/observability/turn-record';
import { CST_FILE, copyOfData, editJson } from '../helpers/data';
import { messageActivity, post } from '../helpers/bot-server';
import { startBotProcess } from '../helpers/processes';

/** A bot whose turns take a while, so a shutdown can arrive in the middle of one. */
class SlowBot extends ActivityHandler {
  constructor(ms: number) {
    super();
    this.onMessage(async (context, next) => {
      await sleep(ms);
      await context.sendActivity('finished');
      await next();
    });
  }
}

describe('graceful shutdown', () => {
  it('finishes an in-flight turn, then stops accepting connections', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const logger = createLogger('silent');
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      adapter: createAdapter(config, logger, { disclaimer: 'Talk to your doctor.', turnError: 'Sorry.' }, new TurnListeners([])),
      bot: new SlowBot(400),
      logger,
      shutdownGraceMs: 5000,
      chatPage: false,
      limits: limitsFrom(config),
    });
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
});
