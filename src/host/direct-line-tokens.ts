// The Direct Line API's token calls: the secret (server-side only) is exchanged for a token that opens one
// conversation, bound to an unguessable user id and to the sites allowed to use it (enhanced authentication),
// and a token is refreshed before it expires. Each call has a deadline, so a slow Direct Line never holds a
// request; what goes wrong is a DirectLineError the routes turn into 502 or 503. The secret and tokens are
// never logged and never part of an error's message.
import { randomBytes } from 'node:crypto';

/** What the page gets: everything to open or resume the conversation, never the secret. */
export interface ConversationToken {
  token: string;
  conversationId: string;
  /** Seconds until the token expires. */
  expires_in: number;
  /** The Direct Line user id the token is bound to ("dl_…"). */
  userId?: string;
  /** Where the page's Direct Line client talks to (DIRECT_LINE_ENDPOINT's API), so a regional one is used. */
  domain?: string;
}

/** Why Direct Line could not give a token: it answered with an error, or did not answer in time. */
export class DirectLineError extends Error {
  override name = 'DirectLineError';
  constructor(
    readonly kind: 'refused' | 'unavailable',
    /** Direct Line's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(kind === 'refused' ? `Direct Line answered ${status}` : 'Direct Line did not answer in time');
  }
}

export interface DirectLineTokenOptions {
  secret: string;
  /** The Direct Line base URL: the global one, or a regional or government cloud's. */
  endpoint: string;
  /** Sites allowed to use the tokens (enhanced authentication's trusted origins). */
  trustedOrigins: readonly string[];
  timeoutMs: number;
}

export const DEFAULT_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com';

export class DirectLineTokens {
  constructor(private readonly options: DirectLineTokenOptions) {}

  /** A new conversation's token, bound to a new user id and to the sites that may use it: the allowed ones and
   * the page asking (the bot's own chat page, which talks to Direct Line from the bot's origin). */
  async generate(requestingOrigin?: string): Promise<ConversationToken> {
    // Direct Line requires the "dl_" prefix for a user id it should bind to the token.
    const userId = `dl_${randomBytes(18).toString('base64url')}`;
    const trustedOrigins = [...new Set([...this.options.trustedOrigins, ...(requestingOrigin ? [requestingOrigin] : [])])];
    const token = await this.call('tokens/generate', this.options.secret, { user: { id: userId }, trustedOrigins });
    return { ...token, userId, domain: this.domain };
  }

  /** The same conversation's token, renewed: Direct Line accepts a token that has not expired yet. */
  async refresh(token: string): Promise<ConversationToken> {
    return { ...(await this.call('tokens/refresh', token)), domain: this.domain };
  }

  /** The Direct Line API's base, as Web Chat's client takes it. */
  get domain(): string {
    return `${this.options.endpoint.replace(/\/+$/, '')}/v3/directline`;
  }

  private async call(path: string, bearer: string, body?: object): Promise<ConversationToken> {
    let response: Response;
    try {
      response = await fetch(`${this.options.endpoint.replace(/\/+$/, '')}/v3/directline/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch {
      throw new DirectLineError('unavailable');
    }
    if (!response.ok)
      throw new DirectLineError(response.status >= 500 || response.status === 429 ? 'unavailable' : 'refused', response.status);
    const json = (await response.json().catch(() => undefined)) as Partial<ConversationToken> | undefined;
    if (typeof json?.token !== 'string' || typeof json.conversationId !== 'string' || typeof json.expires_in !== 'number')
      throw new DirectLineError('refused', response.status);
    return { token: json.token, conversationId: json.conversationId, expires_in: json.expires_in };
  }
}
