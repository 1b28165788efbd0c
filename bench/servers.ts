// A bot server for the benchmark, run as its own process: "bot" is the real bot, "echo" an echo
// bot on the same stack (restify, CloudAdapter, disclaimer middleware, limits, turn logs), so the
// ratio between them shows what the bot itself costs. Prints its URL; answers RSS and CPU-time questions over IPC.
import { ActivityHandler } from 'botbuilder';
import { resolve } from 'node:path';
import { createAdapter } from '../src/host/adapter';
import { createBotParts, loadLanguages } from '../src/wiring';
import { loadConfig } from '../src/config';
import { KnowledgeBase } from '../src/knowledge/knowledge-base';
import { loadKnowledge } from '../src/knowledge/load';
import { createLogger } from '../src/observability/logger';
import { limitsFrom, startServer } from '../src/host/server';
import { TurnLog } from '../src/observability/turn-log';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`You said: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

async function main(kind: string): Promise<void> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    RATE_LIMIT_PER_CONVERSATION: '0',
    RATE_LIMIT_PER_USER: '0',
    WEB_CHAT_PAGE: 'false',
  });
  const logger = createLogger(config.LOG_LEVEL);
  const loaded = loadKnowledge(resolve(config.DATA_DIR));
  if (!loaded.ok) throw new Error('invalid data');
  const knowledge = new KnowledgeBase(loaded.knowledge);
  const parts =
    kind === 'echo'
      ? {
          adapter: createAdapter(config, logger, (language) => knowledge.inLanguage(language).replies, new TurnLog(logger)),
          bot: new EchoBot(),
        }
      : createBotParts(config, logger, knowledge, undefined, undefined, await loadLanguages());
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    adapter: parts.adapter,
    bot: parts.bot,
    logger,
    shutdownGraceMs: 1000,
    chatPage: false,
    limits: limitsFrom(config),
  });
  process.on('message', (message) => {
    if (message === 'rss') {
      // What is retained, not garbage waiting for a collection: the run starts the server with --expose-gc.
      (globalThis as { gc?: () => void }).gc?.();
      process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
    }
    if (message === 'cpu') process.send?.(process.cpuUsage());
  });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  console.log(`URL ${server.url}`);
}

main(process.argv[2] ?? 'bot').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
