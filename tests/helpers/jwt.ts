// Plays the Bot Framework's side of authentication in tests: RSA signing keys, the OpenID metadata and
// key set the channel publishes (mocked with nock), RS256 tokens signed with node:crypto, and the AAD
// token endpoint the bot asks for its own outbound token. Also: posting with an Authorization header, and
// a bot whose logs a test can read.
import type { Storage } from 'botbuilder';
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { pino } from 'pino';
// botbuilder's own copy (not exported from the package root): its static caches are what the adapter reads.
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import { AppCredentials } from 'botframework-connector/lib/auth/appCredentials';
import { loadConfig } from '../../src/config';
import { createBotParts, loadLanguages, serverOptions } from '../../src/wiring';
import { startServer, type RunningServer } from '../../src/host/server';
import { routeConsoleToLogger } from '../../src/observability/console-capture';
import { shippedKnowledge } from './bot-server';

/** Where botframework-connector fetches the channel's OpenID metadata and signing keys. */
export const OPENID_ORIGIN = 'https://login.botframework.com';
export const OPENID_PATH = '/v1/.well-known/openidconfiguration';
export const JWKS_PATH = '/v1/.well-known/keys';
/** The only issuer accepted on tokens from Bot Framework channels (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** AAD, where the bot gets the token it sends to the connector (MultiTenant: the botframework.com tenant). */
export const AAD_ORIGIN = 'https://login.microsoftonline.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as a JWKS entry. */
  jwk: { kty: string; use: string; alg: string; kid: string; n: string; e: string; endorsements?: string[] };
}

/** A fresh 2048-bit RSA key; `endorsements` limits the channels it may sign for, as the real key set does. */
export function createSigningKey(kid = `test-${randomUUID()}`, endorsements?: string[]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (!n || !e) throw new Error('RSA key without modulus or exponent');
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', alg: 'RS256', kid, n, e, ...(endorsements ? { endorsements } : {}) } };
}

const base64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** An RS256 JWT signed with `key`; `header` overrides the header (e.g. another kid). */
export function signJwt(key: SigningKey, payload: object, header: object = {}): string {
  const signingInput = `${base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid, ...header })}.${base64url(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

export interface ChannelClaims {
  appId: string;
  serviceUrl: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  /** Any claim to add, replace or (with undefined) remove. */
  overrides?: Record<string, unknown>;
}

/** The claims a Bot Framework channel puts on the token it sends to the bot. */
export function channelToken(key: SigningKey, { appId, serviceUrl, expiresIn = 3600, overrides = {} }: ChannelClaims): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + expiresIn,
    iss: CHANNEL_ISSUER,
    aud: appId,
    ...overrides,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  return signJwt(key, claims);
}

/** Publishes `keys` as the channel's signing keys: the OpenID metadata document, then the key set it names. */
export function mockChannelKeys(keys: SigningKey[]): nock.Scope {
  return nock(OPENID_ORIGIN)
    .get(OPENID_PATH)
    .reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${OPENID_ORIGIN}${JWKS_PATH}`, id_token_signing_alg_values_supported: ['RS256'] })
    .get(JWKS_PATH)
    .reply(200, { keys: keys.map((key) => key.jwk) });
}

/**
 * Mocks the AAD tenant's OpenID metadata (MSAL reads it first) and one client-credentials token request,
 * which must be for `appId` and the Bot Framework scope. Returns the scope to assert it was used.
 */
export function mockBotTokenEndpoint(appId: string, accessToken: string, tenant = 'botframework.com'): nock.Scope {
  const base = `${AAD_ORIGIN}/${tenant}`;
  return nock(AAD_ORIGIN)
    .get(`/${tenant}/v2.0/.well-known/openid-configuration`)
    .optionally()
    .reply(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      issuer: `${AAD_ORIGIN}/{tenantid}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      jwks_uri: `${AAD_ORIGIN}/${tenant}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    })
    .post(
      `/${tenant}/oauth2/v2.0/token`,
      (body: Record<string, string>) =>
        body.grant_type === 'client_credentials' && body.client_id === appId && body.scope === 'https://api.botframework.com/.default',
    )
    .query(true) // MSAL adds client-request-id
    .reply(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
}

/**
 * botframework-connector caches the channel's keys (per metadata URL, for 24 hours) and the bot's outbound
 * tokens (per app id) in process-wide statics; tests clear both so each one sees only its own mocks.
 */
export function resetBotFrameworkCaches(): void {
  (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, unknown> }).openIdMetadataCache.clear();
  (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.clear();
}

/** Lets the tests reach the bot over loopback while every other host must be mocked. */
export function allowOnlyLoopback(): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host: string) => /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host));
}

/** POSTs an activity to the bot as a channel does, with an Authorization header when given. */
export async function postActivity(url: string, activity: object, authorization?: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify(activity),
  });
  return { status: res.status, body: await res.text() };
}

export interface LoggedBot {
  server: RunningServer;
  /** Every log line so far, parsed. */
  logs(): Record<string, unknown>[];
}

/** Like startBot, but the bot logs at debug level into memory so a test can check what was logged. */
export async function startBotWithLogs(env: Record<string, string>, storage?: Storage): Promise<LoggedBot> {
  const lines: string[] = [];
  const config = loadConfig({
    PORT: '0',
    SHUTDOWN_GRACE_MS: '5000',
    WEB_CHAT_PAGE: 'false',
    METRICS_TOKEN: 'metrics-token-for-tests',
    ...env,
  });
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  // As in the process entry: what the Bot Framework libraries print becomes log lines (readable by the test).
  const restoreConsole = routeConsoleToLogger(logger);
  const running = await startServer(
    serverOptions(config, logger, createBotParts(config, logger, shippedKnowledge(), storage, undefined, await loadLanguages())),
  ).catch((error: unknown) => {
    restoreConsole();
    throw error;
  });
  const server: RunningServer = { ...running, close: () => running.close().finally(restoreConsole) };
  return { server, logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
