// HTTP edge: restify routes for the Bot Framework endpoint and health probes, input limits,
// per-turn logs with a correlation id, and graceful shutdown.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../util/hash';
import restify from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { BotAdapter } from './adapter';
import type { Config } from '../config';
import type { Logger } from '../observability/logger';
import { RateLimiter } from './rate-limit';
import type { BotMetrics } from '../observability/metrics';
import { CORRELATION_ID } from '../bot/turn-observer';
import { readJsonBody } from './json-body';
import { registerChatPage } from './chat-page';
import { registerTokenRoutes, type TokenRouteOptions } from './token-routes';
import { servedOverTls } from './request-origin';
import { languageOfLocale, type Language } from '../question-answering';

export interface Limits {
  maxBodyBytes: number;
  /** Turns per conversation and per user id within windowMs; 0 = no limit. */
  perConversation: number;
  perUser: number;
  windowMs: number;
  /** Turns in progress at once in this process; more get 503 with Retry-After. */
  maxConcurrentTurns: number;
  /** The longest a request body may take to arrive. */
  bodyTimeoutMs: number;
  /** Open connections at once; more are refused. */
  maxConnections: number;
}

export function limitsFrom(config: Config): Limits {
  return {
    maxBodyBytes: config.MAX_BODY_BYTES,
    perConversation: config.RATE_LIMIT_PER_CONVERSATION,
    perUser: config.RATE_LIMIT_PER_USER,
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    maxConcurrentTurns: config.MAX_CONCURRENT_TURNS,
    bodyTimeoutMs: config.REQUEST_BODY_TIMEOUT_MS,
    maxConnections: config.MAX_CONNECTIONS,
  };
}

export interface ServerOptions {
  host: string;
  port: number;
  adapter: BotAdapter;
  bot: ActivityHandler;
  logger: Logger;
  /** Longest wait for in-flight turns when shutting down. */
  shutdownGraceMs: number;
  /** Serve the local Web Chat page at "/". */
  chatPage: boolean;
  /** Sites that may embed the chat (/embed.js, /embed). */
  embedOrigins?: readonly string[];
  /** What /readyz reports beyond "knowledge loaded"; not ready makes it answer 503. */
  readiness?: () => Readiness;
  limits: Limits;
  /** What people are told when a message is refused, in a language: sent as `message` beside the machine-readable `error`. */
  refusals?: (language: Language) => { tooManyMessages: string; busy: string };
  /** The Direct Line token server for embedding pages (token-routes.ts); without tokens its routes answer 404. */
  directLine?: Omit<TokenRouteOptions, 'logger'>;
  /** Serve these at /metrics; with a token, only to "Authorization: Bearer <token>". */
  metrics?: { metrics: BotMetrics; token?: string };
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
  const { limits } = options;
  const server = restify.createServer({ name: 'natural-therapy-bot', handleUncaughtExceptions: false });
  // Every response: no MIME sniffing, no referrer leaves the page; behind TLS (App Service and most proxies end
  // TLS and say so in X-Forwarded-Proto), browsers are told to use HTTPS only from then on.
  server.pre((req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    if (servedOverTls(req)) res.header('Strict-Transport-Security', 'max-age=31536000');
    return next();
  });

  let draining = false;
  const inFlight = new Set<Promise<unknown>>();
  const perConversation = new RateLimiter(limits.perConversation, limits.windowMs);
  const perUser = new RateLimiter(limits.perUser, limits.windowMs);

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.header('Connection', 'close');
      res.send(503, { error: 'shutting down' });
      return;
    }
    // Load shedding: past the cap of turns in progress, a polite 503 now beats everyone waiting longer.
    if (inFlight.size >= limits.maxConcurrentTurns) {
      res.header('Retry-After', '1');
      // No body read yet: the browser's Accept-Language says which language to refuse in.
      const language = languageOfLocale(req.headers['accept-language']?.split(',')[0]?.trim()) ?? 'en';
      res.send(503, { error: 'busy; please try again in a moment', ...personal(options.refusals?.(language).busy) });
      return;
    }
    // Only JSON, uncompressed, within the limit: 415, 413 or 400 before any bot code runs.
    const read = await readJsonBody(req, limits.maxBodyBytes, limits.bodyTimeoutMs);
    if (!read.ok) {
      if (read.status === 413 || read.status === 408) res.header('Connection', 'close'); // the rest of the body is not read
      res.send(read.status, { error: read.error });
      return;
    }
    req.body = read.body;
    const problem = activityProblem(req.body);
    if (problem) {
      res.send(400, { error: problem });
      return;
    }
    // Authentication before anything is charged: a request without a valid token touches nobody's limits.
    const admission = await adapter.admit(req.body as object, req.headers.authorization ?? '');
    if (!admission.admitted) {
      res.send(admission.response.status, admission.response.body);
      return;
    }
    const activity = req.body as IncomingActivity;
    // Activities without a sender share one bucket: leaving `from` out is no way around the limit.
    const refusal = [
      perConversation.hit(rateKey(activity.channelId, activity.conversation.id)),
      perUser.hit(rateKey(activity.channelId, activity.from?.id ?? '(no sender)')),
    ].find((decision) => !decision.allowed);
    if (refusal) {
      res.header('Retry-After', String(Math.max(1, Math.ceil(refusal.retryAfterMs / 1000))));
      const language = languageOfLocale(activity.locale) ?? 'en';
      res.send(429, { error: 'too many messages; please wait a moment', ...personal(options.refusals?.(language).tooManyMessages) });
      return;
    }

    const correlationId = randomUUID();
    res.header('X-Correlation-Id', correlationId);
    const turn = adapter.runTurn(admission.request, async (context) => {
      context.turnState.set(CORRELATION_ID, correlationId);
      await bot.run(context);
    });
    inFlight.add(turn);
    try {
      const { status, body } = await turn;
      if (body === undefined) res.send(status);
      else res.send(status, body);
    } catch (error) {
      logger.error({ err: { message: (error as Error).message }, correlationId }, 'request failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    } finally {
      inFlight.delete(turn);
    }
  });

  if (options.chatPage || options.embedOrigins?.length)
    registerChatPage(server, {
      page: options.chatPage,
      embedOrigins: options.embedOrigins ?? [],
      directLineOrigin: options.directLine?.tokens ? new URL(options.directLine.tokens.domain).origin : undefined,
    });
  if (options.directLine) registerTokenRoutes(server, { ...options.directLine, logger });

  if (options.metrics) {
    const { metrics, token } = options.metrics;
    server.get('/metrics', async (req, res) => {
      if (token && !bearerMatches(req.headers.authorization, token)) {
        res.header('WWW-Authenticate', 'Bearer');
        res.send(401, { error: 'unauthorized' });
        return;
      }
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': metrics.registry.contentType });
      res.end(body);
    });
  }

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

  // Slow or idle clients cannot hold connections: Node's own limits (minutes by default) cut to seconds.
  server.server.headersTimeout = 10_000;
  server.server.requestTimeout = limits.bodyTimeoutMs + 10_000;
  server.server.maxConnections = limits.maxConnections;

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
      // While in-flight turns finish, requests on open keep-alive connections get 503 with Connection: close
      // (the draining check above); closing the listener first would reset them, since close() drops idle
      // connections at once.
      const grace = new Promise<void>((resolve) => setTimeout(resolve, options.shutdownGraceMs).unref());
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      const stopped = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeAllConnections();
      await stopped;
      logger.info('server closed');
    })();
    return closing;
  };
  return { url, close };
}

interface IncomingActivity {
  type: string;
  channelId?: string;
  conversation: { id: string };
  from?: { id?: string };
  recipient?: { id?: string };
  locale?: string;
}

/** A sentence for the person, when the wiring gave one. */
function personal(message: string | undefined): { message?: string } {
  return message ? { message } : {};
}

/** A short reason when the body is not an activity the adapter can route; undefined when it is. */
function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'the body must be a JSON activity object';
  const activity = body as Partial<IncomingActivity>;
  if (typeof activity.type !== 'string' || activity.type === '') return 'the activity needs a type';
  if (!activity.conversation || typeof activity.conversation.id !== 'string' || activity.conversation.id === '') {
    return 'the activity needs a conversation id';
  }
  if (typeof activity.channelId !== 'string' || activity.channelId === '') return 'the activity needs a channelId';
  if (!activity.recipient || typeof activity.recipient.id !== 'string') return 'the activity needs a recipient';
  // A lone surrogate cannot be stored or hashed faithfully (UTF-8 turns every one into U+FFFD, so two such
  // ids would share a state key); no channel sends one.
  const ids = [activity.channelId, activity.conversation.id, activity.from?.id, activity.recipient.id];
  if (ids.some((id) => typeof id === 'string' && !id.isWellFormed())) return 'ids must be well-formed Unicode text';
  return undefined;
}

/** A rate limiter's key for a (channel, id) pair: a fixed-size hash, so 100 KB ids cost the table nothing. */
export function rateKey(channelId: string | undefined, id: string): string {
  return sha256(`${channelId ?? ''}\u0000${id}`, 'base64url', 22);
}

/** Compares a bearer token in constant time, so response timing does not reveal the token. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
