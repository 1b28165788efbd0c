// A bot server for the benchmark, run as its own process: "bot" is the real bot; "echo" an echo bot on the
// same stack (restify, CloudAdapter, disclaimer middleware, limits, turn logs), so the ratio between them shows
// what the bot itself costs; "bare" the framework's floor: restify, botbuilder's CloudAdapter and an echo
// ActivityHandler with nothing of this project's, so the ratio to it shows what everything costs. Prints its
// URL; answers RSS, CPU-time and understanding-cache questions over IPC.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import type { TherapyBot } from '../src/bot/therapy-bot';
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

/** The floor: what any bot on restify and botbuilder pays for a turn, and nothing more. */
async function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function answerStats(): void {
  process.on('message', (message) => {
    if (message === 'rss' || message === 'rss-nogc') {
      // What is retained, not garbage waiting for a collection (the run starts the server with --expose-gc);
      // 'rss-nogc' reads memory as it stands, to watch V8 give back what it grew without forcing it.
      if (message === 'rss') (globalThis as { gc?: () => void }).gc?.();
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      process.send?.({ rss, heapUsed, heapTotal, external, arrayBuffers });
    }
    if (message === 'cpu') process.send?.(process.cpuUsage());
  });
}

async function main(kind: string): Promise<void> {
  if (kind === 'bare') {
    const bare = await bareServer();
    answerStats();
    process.on('message', (message) => message === 'cache' && process.send?.({ hits: 0, misses: 0 }));
    process.on('SIGTERM', () => void bare.close().then(() => process.exit(0)));
    console.log(`URL ${bare.url}`);
    return;
  }
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
  answerStats();
  process.on('message', (message) => {
    if (message !== 'cache') return;
    const stats = kind === 'echo' ? undefined : (parts.bot as TherapyBot).answering.understandingCacheStats();
    process.send?.(stats ?? { hits: 0, misses: 0 });
  });
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  console.log(`URL ${server.url}`);
}

main(process.argv[2] ?? 'bot').catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
