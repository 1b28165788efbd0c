// Load on a bot server over loopback: a fixed number of workers post a mix of questions over many
// conversations and users, each waiting for its reply (expectReplies), for a fixed time.
import { performance } from 'node:perf_hooks';

/** A mix of question types, as a support desk sees them. */
export const QUESTIONS = [
  'what is craniosacral therapy?',
  'is CST safe in pregnancy?',
  'does craniosacral therapy help migraines?',
  'could craniosacarl therapy help with fibromyalgia flare ups?',
  'can I take CST alongside my antidepressants?',
  'how much does a CST session cost?',
  'who regulates craniosacral therapists?',
  'is kava safe for anxiety?',
  'does CST help insomnia?',
  'hello',
  'what can you do?',
  'Concussion last month — is craniosacral treatment a good idea?',
  'is it safe while breastfeeding?',
  'and for back pain?',
  'what time is it in Tokyo',
  'CST is proven for migraines, right?',
];

export interface LoadResult {
  turns: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

let sequence = 0;

export async function runLoad(
  url: string,
  options: {
    seconds: number;
    workers: number;
    conversations: number;
    users: number;
    maxTurns?: number;
    /** The n-th message's text; by default the mix above. */
    textOf?: (n: number) => string;
  },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && (options.maxTurns === undefined || latencies.length + errors < options.maxTurns)) {
      const n = sequence++;
      const body = JSON.stringify({
        type: 'message',
        id: `b${n}`,
        // Each conversation moves through the whole mix (n and n + conversations are its consecutive turns),
        // so follow-ups, greetings and typos meet each other as they do in real conversations.
        text: options.textOf?.(n) ?? QUESTIONS[(n + Math.floor(n / options.conversations)) % QUESTIONS.length],
        channelId: 'webchat',
        serviceUrl: 'http://127.0.0.1:9',
        deliveryMode: 'expectReplies',
        conversation: { id: `bench-${n % options.conversations}` },
        from: { id: `user-${n % options.users}` },
        recipient: { id: 'bot' },
      });
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.arrayBuffer();
        if (res.status === 200) latencies.push(performance.now() - t0);
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    turns: latencies.length,
    errors,
    seconds,
    turnsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
