// A stand-in for Azure's Direct Line service on loopback, for browser tests: the real service is on the
// internet, which tests do not reach, and a browser's requests cannot be intercepted by nock. It speaks the
// part of Direct Line API 3.0 that Web Chat's client uses with a token and polling (tokens/generate and
// refresh, start or resume a conversation, post activities, get activities after a watermark) and passes
// each activity to the bot over the Bot Framework protocol (expectReplies), as the channel would.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

interface Conversation {
  id: string;
  userId: string;
  started: boolean;
  activities: Record<string, unknown>[];
}

export interface FakeDirectLine {
  url: string;
  /** What tokens/generate was asked: the bound user id and trusted origins. */
  generated: { userId: string; trustedOrigins: string[] }[];
  refreshed: number;
  /** Every Authorization header a browser sent (requests with an Origin). */
  browserAuthorizations: string[];
  close(): Promise<void>;
}

export async function startFakeDirectLine(secret: string, botUrl: () => string): Promise<FakeDirectLine> {
  const conversations = new Map<string, Conversation>();
  const tokens = new Map<string, string>(); // token → conversation id
  const fake: Omit<FakeDirectLine, 'url' | 'close'> = { generated: [], refreshed: 0, browserAuthorizations: [] };

  const issue = (conversation: Conversation) => {
    const token = `fake-token-${randomUUID()}`;
    tokens.set(token, conversation.id);
    return { conversationId: conversation.id, token, expires_in: 1800 };
  };

  /** Passes an activity to the bot and keeps it and the bot's replies in the conversation's history. */
  const deliver = async (conversation: Conversation, activity: Record<string, unknown>) => {
    const id = `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`;
    const incoming = {
      ...activity,
      id,
      channelId: 'directline',
      serviceUrl: 'http://127.0.0.1:9',
      deliveryMode: 'expectReplies',
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: 'user' },
      recipient: { id: 'bot', name: 'Bot' },
      timestamp: new Date().toISOString(),
    };
    if (activity.type === 'message') conversation.activities.push(incoming);
    const res = await fetch(`${botUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(incoming),
    });
    const body = (await res.json().catch(() => ({}))) as { activities?: Record<string, unknown>[] };
    for (const reply of body.activities ?? []) {
      conversation.activities.push({
        ...reply,
        id: `${conversation.id}|${String(conversation.activities.length).padStart(7, '0')}`,
        from: { id: 'bot', name: 'Bot', role: 'bot' },
        conversation: { id: conversation.id },
        timestamp: new Date().toISOString(),
      });
    }
    return id;
  };

  /** Direct Line tells the bot a person joined when the conversation starts. */
  const start = async (conversation: Conversation) => {
    if (conversation.started) return;
    conversation.started = true;
    await deliver(conversation, { type: 'conversationUpdate', membersAdded: [{ id: conversation.userId }] });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const origin = req.headers.origin;
    const send = (status: number, body?: object) => {
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(origin
          ? {
              'access-control-allow-origin': origin,
              'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type',
              'access-control-allow-methods': 'GET, POST',
            }
          : {}),
      });
      res.end(body ? JSON.stringify(body) : undefined);
    };
    if (req.method === 'OPTIONS') return send(204);
    const authorization = req.headers.authorization ?? '';
    if (origin) fake.browserAuthorizations.push(authorization);
    const bearer = authorization.replace(/^Bearer /, '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/v3\/directline/, '');

    if (req.method === 'POST' && path === '/tokens/generate') {
      if (bearer !== secret) return send(403, { error: { code: 'BadArgument' } });
      const request = body as { user: { id: string }; trustedOrigins: string[] };
      fake.generated.push({ userId: request.user.id, trustedOrigins: request.trustedOrigins });
      const conversation: Conversation = { id: `conv-${randomUUID()}`, userId: request.user.id, started: false, activities: [] };
      conversations.set(conversation.id, conversation);
      return send(200, issue(conversation));
    }
    const conversation = conversations.get(tokens.get(bearer) ?? '');
    if (!conversation) return send(403, { error: { code: 'TokenExpired' } });
    if (req.method === 'POST' && path === '/tokens/refresh') {
      fake.refreshed += 1;
      return send(200, issue(conversation));
    }
    if (req.method === 'POST' && path === '/conversations') {
      await start(conversation);
      return send(201, issue(conversation));
    }
    const match = /^\/conversations\/([^/]+)(\/activities)?$/.exec(path);
    if (!match || match[1] !== conversation.id) return send(404, { error: { code: 'NotFound' } });
    if (!match[2]) {
      await start(conversation);
      return send(200, issue(conversation));
    }
    if (req.method === 'POST') return send(200, { id: await deliver(conversation, body) });
    const watermark = Number(url.searchParams.get('watermark') || 0);
    return send(200, { activities: conversation.activities.slice(watermark), watermark: String(conversation.activities.length) });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    get generated() {
      return fake.generated;
    },
    get refreshed() {
      return fake.refreshed;
    },
    get browserAuthorizations() {
      return fake.browserAuthorizations;
    },
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
