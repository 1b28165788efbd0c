// Entry point: wires the parts built elsewhere and handles process signals.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, servesBeyondThisMachine } from './config';
import { BOT_READY, createLogger } from './observability/logger';
import { routeConsoleToLogger } from './observability/console-capture';
import { formatProblem, loadKnowledge } from './knowledge/load';
import { KnowledgeBase } from './knowledge/knowledge-base';
import { createBotParts, loadLanguages, serverOptions } from './wiring';
import { createAppInsightsClient } from './observability/telemetry';
import { startServer } from './host/server';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  if (config.ALLOW_ANONYMOUS && servesBeyondThisMachine(config) && !config.MicrosoftAppId) {
    const warn = () =>
      logger.warn({ host: config.HOST }, 'ALLOW_ANONYMOUS: anyone who can reach this bot can talk to it, without authentication');
    warn();
    setInterval(warn, 3_600_000).unref();
  }

  const dataDir = resolve(config.DATA_DIR);
  const loaded = loadKnowledge(dataDir);
  if (!loaded.ok) {
    console.error(`Refusing to start: the data in ${dataDir} is invalid (${loaded.problems.length} problem(s)):`);
    for (const problem of loaded.problems) console.error(formatProblem(problem));
    process.exit(1);
  }
  const knowledge = new KnowledgeBase(loaded.knowledge);
  // A region without numbers would quietly give "your local emergency number" to everyone ("UK" for GB).
  if (config.DEFAULT_REGION && !knowledge.regionNumbers(config.DEFAULT_REGION)) {
    console.error(
      `Refusing to start: DEFAULT_REGION=${config.DEFAULT_REGION} has no numbers in ${dataDir}/emergency-numbers.json ` +
        `(regions there: ${knowledge.regions().join(', ')}).`,
    );
    process.exit(1);
  }
  logger.info({ monographs: knowledge.monographs.length, lexicon: knowledge.lexicon.length }, 'knowledge loaded');

  const telemetry = config.APPLICATIONINSIGHTS_CONNECTION_STRING
    ? await createAppInsightsClient(config.APPLICATIONINSIGHTS_CONNECTION_STRING)
    : undefined;
  // From here on, what the Bot Framework libraries print goes out as JSON log lines too.
  routeConsoleToLogger(logger);
  const parts = createBotParts(config, logger, knowledge, undefined, telemetry, await loadLanguages());
  const server = await startServer(serverOptions(config, logger, parts));
  logger.info({ messages: `${server.url}/api/messages`, ...(config.WEB_CHAT_PAGE ? { chatPage: `${server.url}/` } : {}) }, BOT_READY);

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('Failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
