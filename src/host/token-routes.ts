// The token server for pages that embed the chat through Direct Line: POST /api/directline/token opens a
// conversation and answers {token, conversationId, expires_in, userId, domain}; POST /api/directline/refresh
// renews a token ({token} in the body). Only the bot's own pages and pages on EMBED_ALLOWED_ORIGINS may call them
// (CORS, and every call checks the Origin header); each client address gets a limited number of tokens; Direct Line's failures become a
// 502 (it refused) or a 503 (it did not answer in time), never a hang. Without DIRECT_LINE_SECRET both answer
// 404, and the local chat page keeps using /api/messages.
import type restify from 'restify';
import type { Logger } from '../observability/logger';
import { DirectLineError, type ConversationToken, type DirectLineTokens } from './direct-line-tokens';
import { readJsonBody } from './json-body';
import { RateLimiter } from './rate-limit';
import { ownOrigin } from './request-origin';

export const TOKEN_PATH = '/api/directline/token';
export const REFRESH_PATH = '/api/directline/refresh';
/** A refresh request is a token in JSON: a few kilobytes at most. */
const MAX_REFRESH_BODY = 8 * 1024;

export interface TokenRouteOptions {
  /** Absent without DIRECT_LINE_SECRET: the routes then answer 404. */
  tokens?: DirectLineTokens;
  allowedOrigins: readonly string[];
  /** Tokens per client address within `windowMs` (0: no limit). */
  limitPerClient: number;
  windowMs: number;
  logger: Logger;
}

export function registerTokenRoutes(server: restify.Server, options: TokenRouteOptions): void {
  const allowed = new Set(options.allowedOrigins);
  const limiter = new RateLimiter(options.limitPerClient, options.windowMs);

  /** CORS for an allowed origin; false (and the response sent) for any other, or without the secret. */
  const admit = (req: restify.Request, res: restify.Response): boolean => {
    res.header('Vary', 'Origin');
    res.header('Cache-Control', 'no-store');
    if (!options.tokens) {
      res.send(404, { error: 'no token server here: DIRECT_LINE_SECRET is not set' });
      return false;
    }
    const origin = req.headers.origin;
    // The allowed sites, and the bot's own pages (its chat page and the embed's iframe).
    if (!origin || !(allowed.has(origin) || origin === ownOrigin(req))) {
      res.send(403, { error: 'this site may not embed the chat (EMBED_ALLOWED_ORIGINS)' });
      return false;
    }
    res.header('Access-Control-Allow-Origin', origin);
    return true;
  };

  for (const path of [TOKEN_PATH, REFRESH_PATH]) {
    server.opts(path, async (req, res) => {
      if (!admit(req, res)) return;
      res.header('Access-Control-Allow-Methods', 'POST');
      res.header('Access-Control-Allow-Headers', 'Content-Type');
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
    });
  }

  /** Counts one call for the client; false (and 429 sent) past the limit. */
  const withinLimit = (req: restify.Request, res: restify.Response): boolean => {
    const decision = limiter.hit(clientAddress(req));
    if (decision.allowed) return true;
    res.header('Retry-After', String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))));
    res.send(429, { error: 'too many token requests; please wait a moment' });
    return false;
  };

  const answer = async (res: restify.Response, what: 'generate' | 'refresh', call: () => Promise<ConversationToken>) => {
    try {
      res.send(200, await call());
      options.logger.info({ event: 'directline-token', call: what, outcome: 'ok' }, 'Direct Line token');
    } catch (error) {
      if (!(error instanceof DirectLineError)) throw error;
      options.logger.warn({ event: 'directline-token', call: what, outcome: error.kind, status: error.status }, 'Direct Line token failed');
      // A refresh refused (401, 403: expired or not a token) means "get a new one"; the secret refused is ours to fix.
      if (what === 'refresh' && error.kind === 'refused' && (error.status === 401 || error.status === 403)) {
        res.send(401, { error: 'the token has expired or is not valid: get a new one' });
      } else if (error.kind === 'refused') {
        res.send(502, { error: 'Direct Line refused the request' });
      } else {
        res.header('Retry-After', '5');
        res.send(503, { error: 'Direct Line is not answering; please try again in a moment' });
      }
    }
  };

  server.post(TOKEN_PATH, async (req, res) => {
    if (!admit(req, res) || !withinLimit(req, res)) return;
    await answer(res, 'generate', () => options.tokens!.generate(req.headers.origin));
  });

  server.post(REFRESH_PATH, async (req, res) => {
    if (!admit(req, res) || !withinLimit(req, res)) return;
    const read = await readJsonBody(req, MAX_REFRESH_BODY, 5000);
    const token = read.ok ? (read.body as { token?: unknown } | undefined)?.token : undefined;
    if (typeof token !== 'string' || token === '') {
      res.send(400, { error: 'send {"token": "<the token to refresh>"}' });
      return;
    }
    await answer(res, 'refresh', () => options.tokens!.refresh(token));
  });
}

/** The caller's address: the one the nearest proxy saw (the last X-Forwarded-For entry), else the socket's. */
function clientAddress(req: restify.Request): string {
  const forwarded = req.headers['x-forwarded-for'];
  const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
  return last || req.socket.remoteAddress || 'unknown';
}
