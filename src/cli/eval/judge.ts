// Plays evaluation cases against a running bot over the Bot Framework protocol (POST /api/messages with
// deliveryMode expectReplies, one conversation per case) and judges every turn's replies.
import { randomUUID } from 'node:crypto';
import type { EvalCase, EvalTurn } from './cases';

interface ReplyActivity {
  type?: string;
  name?: string;
  text?: string;
  speak?: string;
  summary?: string;
  attachments?: { contentType?: string; content?: unknown }[];
  suggestedActions?: { actions?: { title?: string; value?: unknown }[] };
}

export interface TurnResult {
  text: string;
  passed: boolean;
  /** Why the turn failed, one line each. */
  failures: string[];
  latencyMs: number;
}

export interface CaseResult {
  id: string;
  category: string;
  passed: boolean;
  turns: TurnResult[];
}

export interface JudgeOptions {
  /** The bot's /api/messages URL. */
  url: string;
  /** The sentence every reply must carry, in each language the bot answers in (a reply has the one of its language). */
  disclaimers: readonly string[];
  concurrency: number;
  /** Longest wait for one turn's reply. */
  timeoutMs?: number;
}

/** Adaptive Cards newer than this do not render in Teams. */
const TEAMS_CARD_VERSION = 1.5;

export async function judgeCases(cases: readonly EvalCase[], options: JudgeOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      results[index] = await judgeCase(cases[index], options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return results;
}

async function judgeCase(testCase: EvalCase, options: JudgeOptions): Promise<CaseResult> {
  const conversationId = `eval-${randomUUID()}`;
  const turns: TurnResult[] = [];
  // The welcome is judged as a turn of its own: what it sends must carry the disclaimer.
  if (testCase.conversationUpdate) turns.push(await judgeTurn(testCase, joinActivity(testCase, conversationId), undefined, options));
  for (const turn of testCase.turns) turns.push(await judgeTurn(testCase, messageActivity(testCase, turn, conversationId), turn, options));
  return { id: testCase.id, category: testCase.category, passed: turns.every((t) => t.passed), turns };
}

/** Posts one activity and judges the replies: against the turn's checks, or (no turn) as the welcome. */
async function judgeTurn(testCase: EvalCase, activity: object, turn: EvalTurn | undefined, options: JudgeOptions): Promise<TurnResult> {
  const text = turn?.text ?? '(joins the conversation)';
  const started = performance.now();
  const failures: string[] = [];
  let activities: ReplyActivity[] = [];
  try {
    const res = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (res.status !== 200) failures.push(`HTTP ${res.status}`);
    else activities = ((await res.json()) as { activities?: ReplyActivity[] }).activities ?? [];
  } catch (error) {
    failures.push(`no reply: ${(error as Error).message}`);
  }
  const latencyMs = performance.now() - started;
  if (failures.length > 0) return { text, passed: false, failures, latencyMs };

  const messages = activities.filter((a) => a.type === 'message');
  const reply = messages.map(replyText).join('\n');
  // A channel may welcome nobody who joins (Teams welcomes when the bot is added): only a turn must get a reply.
  if (messages.length === 0 && turn) failures.push('no message in the reply');
  for (const pattern of turn?.must ?? []) if (!new RegExp(pattern, 'i').test(reply)) failures.push(`missing /${pattern}/`);
  for (const pattern of turn?.mustNot ?? []) if (new RegExp(pattern, 'i').test(reply)) failures.push(`says /${pattern}/`);
  for (const [i, message] of messages.entries()) {
    const text = replyText(message);
    if (!options.disclaimers.some((disclaimer) => text.includes(disclaimer))) failures.push(`message ${i + 1} has no disclaimer`);
  }
  if (turn?.handoff && !activities.some((a) => a.type === 'event' && a.name === 'handoff.initiate'))
    failures.push('no handoff.initiate event');
  if (testCase.channel === 'msteams') {
    for (const card of messages.flatMap((m) => m.attachments ?? [])) {
      const version = Number((card.content as { version?: string } | undefined)?.version ?? 0);
      if (card.contentType === 'application/vnd.microsoft.card.adaptive' && version > TEAMS_CARD_VERSION) {
        failures.push(`Adaptive Card ${version} is newer than Teams renders`);
      }
    }
  }
  return { text, passed: failures.length === 0, failures, latencyMs };
}

const BOT = { id: 'bot', name: 'Bot' };

/** What every activity of a case carries: its channel, conversation, sender and locale, replies in the body. */
function addressed(testCase: EvalCase, conversationId: string) {
  return {
    id: randomUUID(),
    channelId: testCase.channel,
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    locale: testCase.locale ?? 'en-US',
    conversation: { id: conversationId },
    from: { id: `${conversationId}-user`, name: 'Evaluator' },
    recipient: BOT,
  };
}

function messageActivity(testCase: EvalCase, turn: EvalTurn, conversationId: string): object {
  const mentionTag = `<at>${BOT.name}</at>`;
  return {
    type: 'message',
    ...addressed(testCase, conversationId),
    text: turn.mention ? `${mentionTag} ${turn.text}` : turn.text,
    ...(turn.mention ? { entities: [{ type: 'mention', text: mentionTag, mentioned: BOT }] } : {}),
  };
}

/** The person joining the conversation, as Web Chat and the Emulator announce it. */
function joinActivity(testCase: EvalCase, conversationId: string): object {
  const activity = addressed(testCase, conversationId);
  return { type: 'conversationUpdate', ...activity, membersAdded: [activity.from] };
}

/** Everything a person could read in a reply: text, speech, summary, every string in its cards, suggestions. */
export function replyText(activity: ReplyActivity): string {
  const parts = [activity.text, activity.speak, activity.summary];
  const strings = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(strings);
    else if (value && typeof value === 'object') Object.values(value).forEach(strings);
  };
  strings(activity.attachments?.map((a) => a.content));
  for (const action of activity.suggestedActions?.actions ?? [])
    parts.push(action.title, typeof action.value === 'string' ? action.value : undefined);
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n');
}
