// The only module that knows botbuilder's hosting API: authentication, middleware, turn errors, and retries
// of replies sent to the Bot Connector.
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TelemetryLoggerMiddleware,
  type Activity,
  type BotTelemetryClient,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
// Not exported from the package root; CloudAdapter.process applies it to every incoming activity.
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
// The connector client's serialization models (botbuilder's own dependency; not exported from its root).
import { Entity as EntityMapper } from 'botframework-connector/lib/connectorApi/models/mappers';
import { AuthenticationConstants, type ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import { LRUCache } from 'lru-cache';
import { botAuthSettings, type Config } from '../config';
import type { Logger } from '../observability/logger';
import { DisclaimerMiddleware } from '../bot/disclaimer';
import { SpeechMarkupMiddleware } from '../bot/speech-markup';
import { languageOfLocale, type Language } from '../question-answering';
import { TurnObserver } from '../bot/turn-observer';
import type { TurnListener } from '../observability/turn-record';
import type { Replies } from '../knowledge/schema';
import { connectorRetryPolicy, type PipelinePolicyLike } from './connector-retry';
import type { Backoff } from '../util/retry';

/** Three tries within about a second (two seconds if the connector asks to wait): the channel waits ~15 s. */
export const CONNECTOR_BACKOFF: Backoff = { attempts: 3, baseDelayMs: 300, maxDelayMs: 2000 };
/** Each connector request gets this long before it is abandoned. */
export const CONNECTOR_TIMEOUT_MS = 5000;
/** Connector and user-token clients kept for reuse: one per app id (and service URL and audience), and a bot sees few. */
const CLIENTS_KEPT = 100;

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** The part of @azure/core-rest-pipeline's Pipeline we change on each connector client. */
interface PipelineLike {
  removePolicy(options: { name: string }): unknown[];
  addPolicy(policy: PipelinePolicyLike, options: { phase: 'Retry' }): void;
}
/** The SDK's own retry: silent, up to ~7 s per request, and it honours any Retry-After however long. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/** A request whose token has been checked: its turn can run. */
export interface AdmittedRequest {
  activity: Activity;
  auth: AuthenticateRequestResult;
}

/** What a turn's HTTP request is answered with: an invoke's or expectReplies' body, or nothing. */
export interface TurnResponse {
  status: number;
  body?: unknown;
}

export type Admission = { admitted: true; request: AdmittedRequest } | { admitted: false; response: TurnResponse };

/**
 * CloudAdapter with three changes:
 * - authentication is a step of its own (admit), so the server checks the token before it charges rate
 *   limits, and runs the turn (runTurn) only for an admitted request: requests with no valid token never
 *   touch anyone's limits;
 * - any failure to authenticate a request is answered 401 (botbuilder answers 500 when, for instance, the
 *   token is signed by a key other than the one its kid names), or 503 when the channel's signing keys
 *   cannot be fetched; the body never carries the cause, which goes to the log;
 * - connector clients retry with our logged, bounded backoff instead of the SDK's silent one, and are reused
 *   from turn to turn: botbuilder builds a new client, HTTP pipeline and all, for every turn, which with the
 *   user-token client (ReusingBotFrameworkAuthentication) was about a third of a turn's CPU. A client holds no
 *   turn's state, and its credentials renew their own tokens.
 */
export class BotAdapter extends CloudAdapter {
  private warnedPipeline = false;
  private readonly connectorClients = new LRUCache<string, Promise<ConnectorClient>>({ max: CLIENTS_KEPT });

  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
    private readonly retryPolicy: PipelinePolicyLike,
    /** No app identity: nobody vouches for a request's serviceUrl, so replies may only go to this machine. */
    private readonly anonymous = false,
  ) {
    super(auth);
  }

  /** Checks the request's token against the activity it carries (`body`, already a JSON object with a type). */
  async admit(body: object, authHeader: string): Promise<Admission> {
    // As CloudAdapter.process does: string timestamps become Dates, the originals kept as raw*.
    const activity = validateAndFixActivity(body as Activity);
    if (this.anonymous && activity.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.serviceUrl)) {
      // Otherwise anyone could make the bot POST its replies to any address (a request forgery).
      return {
        admitted: false,
        response: { status: 400, body: { error: 'without authentication, replies go only to a loopback serviceUrl' } },
      };
    }
    try {
      return {
        admitted: true,
        request: { activity, auth: await this.botFrameworkAuthentication.authenticateRequest(activity, authHeader) },
      };
    } catch (error) {
      return { admitted: false, response: this.rejected(error, activity) };
    }
  }

  /** Runs an admitted request's turn; a failure inside the turn itself is handled by onTurnError. */
  async runTurn(request: AdmittedRequest, logic: (context: TurnContext) => Promise<void>): Promise<TurnResponse> {
    const response = await this.processActivity(request.auth, request.activity, logic);
    return { status: response?.status ?? 200, body: response?.body };
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    // A bare Authorization header (CloudAdapter.process) goes through the same admission as the server's requests.
    let result = auth;
    if (typeof result === 'string') {
      const admission = await this.admit(activity, result);
      if (!admission.admitted) return admission.response;
      result = admission.request.auth;
    }
    return super.processActivity({ ...result, connectorFactory: this.reused(result) }, activity, logic);
  }

  private rejected(error: unknown, activity: Activity): TurnResponse {
    const { name, message, statusCode } = (error ?? {}) as { name?: string; message?: string; statusCode?: number };
    // A key-service failure is ours, not the caller's: 503 lets the channel try again later.
    const keysUnavailable = (statusCode ?? 0) >= 500 || name === 'FetchError';
    const status = keysUnavailable ? 503 : 401;
    this.logger.warn(
      { status, reason: `${name ?? 'Error'}: ${String(message ?? '').slice(0, 200)}`, channelId: activity.channelId },
      keysUnavailable ? 'could not check the request token' : 'request rejected: not authenticated',
    );
    return { status, body: { error: keysUnavailable ? 'authentication unavailable' : 'unauthorized' } };
  }

  /** The request's connector factory, giving the client made earlier for the same app id, service URL and audience. */
  private reused({ connectorFactory: factory, claimsIdentity }: AuthenticateRequestResult): ConnectorFactory | undefined {
    if (!factory) return undefined;
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl, audience) =>
        reuse(this.connectorClients, JSON.stringify([appId ?? null, serviceUrl, audience ?? null]), () =>
          factory.create(serviceUrl, audience).then((created) => this.withRetry(created)),
        ),
    };
  }

  private withRetry(client: ConnectorClient): ConnectorClient {
    // ConnectorClient keeps its core-client ServiceClient in a private field; botbuilder offers no option to
    // replace the retry policy, so we reach it here and fall back to the SDK's retries if its shape changes.
    const pipeline = (client as unknown as { client?: { pipeline?: Partial<PipelineLike> } }).client?.pipeline;
    if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function') {
      this.warnPipelineOnce('connector client has no pipeline');
      return client;
    }
    if (pipeline.removePolicy({ name: SDK_RETRY_POLICY }).length === 0) this.warnPipelineOnce('SDK retry policy not found');
    pipeline.addPolicy(this.retryPolicy, { phase: 'Retry' });
    return client;
  }

  private warnPipelineOnce(problem: string) {
    if (this.warnedPipeline) return;
    this.warnedPipeline = true;
    this.logger.warn({ problem }, 'botbuilder changed: Bot Connector retries may not be ours');
  }
}

/** Which app a request's credentials are for, as botbuilder reads it from the claims. */
function appIdOf(identity: ClaimsIdentity): string | undefined {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? undefined
  );
}

/** The client kept under `key`, made now if there is none; one that could not be made is not kept. */
function reuse<T>(kept: LRUCache<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let client = kept.get(key);
  if (!client) {
    client = make();
    client.catch(() => kept.delete(key));
    kept.set(key, client);
  }
  return client;
}

/**
 * botbuilder's authentication, except that user-token clients (for sign-in cards, which this bot does not use)
 * are reused: CloudAdapter asks for one every turn, and building it, HTTP pipeline and all, cost as much as
 * building the connector client. It holds no user's state: every call names its user.
 */
class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly userTokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: CLIENTS_KEPT });

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.userTokenClients, appIdOf(identity) ?? '', () => super.createUserTokenClient(identity));
  }
}

/**
 * The connector client serializes each reply with its models, and its Entity model names only `type`, `text`
 * and `mentioned`: every other property of an entity was dropped on the way out, Teams' citations among them
 * (a schema.org Message entity's `citation`, `@type`, `@context`). Declaring that entities may carry more
 * properties sends them as the bot wrote them.
 */
function keepEveryEntityProperty(): void {
  const type = EntityMapper.type as { additionalProperties?: unknown };
  type.additionalProperties ??= { type: { name: 'Object' } };
}

/**
 * `replies`: the disclaimer every message carries and the sentence sent when a turn fails, in each language; `turns` hears what
 * every turn did; `telemetry` gets botbuilder's activity events when configured.
 */
export function createAdapter(
  config: Config,
  logger: Logger,
  replies: (language: Language) => Pick<Replies, 'disclaimer' | 'turnError'>,
  turns: TurnListener,
  telemetry?: BotTelemetryClient,
): BotAdapter {
  keepEveryEntityProperty();
  const auth = new ReusingBotFrameworkAuthentication(botAuthSettings(config));
  const retries = connectorRetryPolicy(logger, CONNECTOR_BACKOFF, CONNECTOR_TIMEOUT_MS);
  const adapter = new BotAdapter(auth, logger, retries, !config.MicrosoftAppId);
  // Activity telemetry without personal information: botbuilder then leaves out text and names.
  if (telemetry) adapter.use(new TelemetryLoggerMiddleware(telemetry, false));
  adapter.use(new TurnObserver(turns, config.LOG_MESSAGE_TEXT));
  adapter.use(new DisclaimerMiddleware((language) => replies(language).disclaimer));
  adapter.use(new SpeechMarkupMiddleware());
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The cause goes to the log (never the user's text); the user gets one polite sentence.
    logger.error(
      { err: { name: error.name, message: error.message, stack: error.stack }, conversationId: context.activity.conversation?.id },
      'turn failed',
    );
    try {
      await context.sendActivity(replies(languageOfLocale(context.activity.locale) ?? 'en').turnError);
    } catch (sendError) {
      logger.error({ err: { message: (sendError as Error).message } }, 'could not send the turn-error reply');
    }
  };
  return adapter;
}

/** Whether a URL points at this machine (127.0.0.0/8, ::1 or localhost). */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
  } catch {
    return false;
  }
}
