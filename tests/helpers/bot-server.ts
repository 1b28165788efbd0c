// Starts the real bot (restify + CloudAdapter + shipped data) in-process on a free port.
import type { BotTelemetryClient } from 'botbuilder';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/observability/logger';
import { loadKnowledge } from '../../src/knowledge/load';
import { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { createBotParts, loadLanguages, serverOptions } from '../../src/wiring';
import { startServer, type RunningServer } from '../../src/host/server';
import { SHIPPED_DATA } from './data';

let shared: KnowledgeBase | undefined;

export function shippedKnowledge(): KnowledgeBase {
  if (!shared) {
    const loaded = loadKnowledge(SHIPPED_DATA);
    if (!loaded.ok) throw new Error(`shipped data invalid: ${JSON.stringify(loaded.problems)}`);
    shared = new KnowledgeBase(loaded.knowledge);
  }
  return shared;
}

/** Tests send many messages from one user: the rate limits are lifted unless a test sets them. */
export async function startBot(
  env: Record<string, string> = {},
  logLines?: string[],
  telemetry?: BotTelemetryClient,
): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: logLines ? 'info' : 'silent',
    RATE_LIMIT_PER_CONVERSATION: '0',
    RATE_LIMIT_PER_USER: '0',
    SHUTDOWN_GRACE_MS: '5000',
    ...env,
  });
  const logger = createLogger(config.LOG_LEVEL, logLines ? { write: (line: string) => void logLines.push(line) } : undefined);
  const parts = createBotParts(config, logger, shippedKnowledge(), undefined, telemetry, await loadLanguages());
  return startServer(serverOptions(config, logger, parts));
}

let counter = 0;

/** A message activity as the Emulator, Web Chat or the judge posts it, asking for replies in the body. */
export function messageActivity(text: string, conversationId = `conv-${++counter}`, channelId = 'emulator') {
  return {
    type: 'message',
    id: `act-${++counter}`,
    text,
    channelId,
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: 'user-1', name: 'User' },
    recipient: { id: 'bot-1', name: 'Bot' },
  };
}

export interface ReplyActivity {
  type: string;
  name?: string;
  text?: string;
  speak?: string;
  attachments?: { contentType: string; content: unknown }[];
  suggestedActions?: { actions: { title: string; value: string }[] };
}

export async function post(url: string, activity: object): Promise<{ status: number; activities: ReplyActivity[] }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const body = (await res.text()) || '{}';
  const json = JSON.parse(body) as { activities?: ReplyActivity[] };
  return { status: res.status, activities: json.activities ?? [] };
}

/** Every string a person could see: text and every string inside attachments (Adaptive Cards). */
export function replyText(activities: ReplyActivity[]): string {
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const a of activities) {
    if (a.text) strings.push(a.text);
    collect(a.attachments?.map((att) => att.content));
  }
  return strings.join('\n');
}
