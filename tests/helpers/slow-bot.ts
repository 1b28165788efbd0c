// A bot whose turns take a while, served on the real HTTP stack (restify, CloudAdapter, limits) without the
// therapy bot: for the tests of shutdown, draining and load shedding, which need turns in progress.
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityHandler } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createAdapter } from '../../src/host/adapter';
import { limitsFrom, startServer, type RunningServer } from '../../src/host/server';
import { createLogger } from '../../src/observability/logger';
import { TurnListeners } from '../../src/observability/turn-record';

/** Replies "finished" to each message after `delayMs(text)` milliseconds. */
export class SlowBot extends ActivityHandler {
  constructor(delayMs: (text: string) => number) {
    super();
    this.onMessage(async (context, next) => {
      await sleep(delayMs(context.activity.text ?? ''));
      await context.sendActivity('finished');
      await next();
    });
  }
}

/** Starts `bot` on a free loopback port with the settings `env` (limits, caps) and a silent log. */
export async function startSlowServer(bot: ActivityHandler, env: Record<string, string>, shutdownGraceMs: number): Promise<RunningServer> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const logger = createLogger('silent');
  return startServer({
    host: '127.0.0.1',
    port: 0,
    adapter: createAdapter(config, logger, () => ({ disclaimer: 'Talk to your doctor.', turnError: 'Sorry.' }), new TurnListeners([])),
    bot,
    logger,
    shutdownGraceMs,
    chatPage: false,
    limits: limitsFrom(config),
  });
}
