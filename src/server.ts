// HTTP edge: restify routes for the Bot Framework endpoint and health probes, and graceful shutdown.
import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from './logger';
import { registerChatPage } from './web/chat-page';

export interface ServerOptions {
  host: string;
  port: number;
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Longest wait for in-flight turns when shutting down. */
  shutdownGraceMs: number;
  /** Serve the local Web Chat page at "/". */
  chatPage: boolean;
  /** What /readyz reports beyond "knowledge loaded"; not ready makes it answer 503. */
  readiness?: () => Readiness;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  /** Stops accepting requests, lets in-flight turns finish (up to the grace period), then closes. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'natural-therapy-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));

  let draining = false;
  const inFlight = new Set<Promise<unknown>>();

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting down' });
      return;
    }
    const turn = adapter.process(req, res, (context) => bot.run(context));
    inFlight.add(turn);
    try {
      await turn;
    } catch (error) {
      logger.error({ err: { message: (error as Error).message } }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight.delete(turn);
    }
  });

  if (options.chatPage) registerChatPage(server);

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  // Knowledge is loaded and validated before the server starts, so it is ready once it listens,
  // unless a dependency (conversation state storage) is failing; it stops being ready when draining.
  server.get('/readyz', async (_req, res) => {
    if (draining) {
      res.send(503, { status: 'draining' });
      return;
    }
    const { ready, checks } = options.readiness?.() ?? { ready: true, checks: {} };
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', knowledge: 'loaded', ...checks });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const url = `http://${options.host}:${address.port}`;
  logger.info({ url }, 'listening');

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      const stopped = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownGraceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      server.server.closeAllConnections();
      await stopped;
      logger.info('server closed');
    })();
    return closing;
  };
  return { url, close };
}
