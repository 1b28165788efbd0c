// `npm run bench`: turn throughput against the bare framework floor (restify + CloudAdapter + an echo bot) and an
// echo bot on this project's stack, with the repeated mix, with every message new, with long-tailed traffic over
// thousands of distinct wordings (the understanding cache's hit rate printed), and with state in blob storage on
// Azurite; resolution at up to 10,000 generated monographs (latency, and answers about the wrong therapy);
// memory after 100,000 conversations (per retained conversation: two servers, one keeping the state cap's
// conversations and one far fewer, compared once settled), and under a stream of 250 KB messages in
// ever-new conversations. Loopback only, bounded in time. Prints a table, the targets with pass or miss, and
// writes bench/results.json. BENCH_BLOB=0 leaves out the blob-state server.
// `BENCH_PARTS=resolution npm run bench` runs one part (a comma-separated list of throughput,
// resolution, memory).
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLoad, type LoadResult } from './load';
import { distinctWordings, zipfTraffic } from './traffic';
import { startAzurite } from '../tests/helpers/azurite';
import { NAMED_KINDS, WRONG_TARGETS, measureResolution, type NamedOutcomes, type ResolutionResult } from './resolution';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 4);
/** Long enough for both servers' hot paths to be compiled: a shorter warm-up left round 1 about 25% slow. */
const WARM_UP_SECONDS = 3;
const LOAD = { workers: 16, conversations: 2000, users: 500 };
const SCALES = (process.env.BENCH_SCALES ?? '1,100,1000,10000').split(',').map(Number);
const MEMORY_CONVERSATIONS = Number(process.env.BENCH_MEMORY_CONVERSATIONS ?? 100_000);
/**
 * The load that once crashed the bot (issue 17, finding 2): messages just under MAX_BODY_BYTES, each in a new
 * conversation. A small state budget makes the plateau show within the run; the bound is the same mechanism
 * at any budget.
 */
const LARGE_MESSAGES = {
  turns: Number(process.env.BENCH_LARGE_TURNS ?? 6000),
  samples: 6,
  messageChars: 250_000,
  stateBudgetBytes: 16 * 1024 * 1024,
};
/** Which parts to run: BENCH_PARTS=resolution runs only the resolution part (seconds, not minutes).
 * bench/results.json is written only by a full run, so it always holds one whole run. */
const PARTS = new Set((process.env.BENCH_PARTS ?? 'throughput,resolution,memory').split(',').map((p) => p.trim()));
const ALL_PARTS = ['throughput', 'resolution', 'memory'].every((p) => PARTS.has(p));

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

function startServer(kind: 'bot' | 'echo' | 'bare', env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = fork(join(__dirname, 'servers.js'), [kind], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    execArgv: ['--disable-warning=DEP0111', '--expose-gc'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /URL (http:\/\/\S+)/.exec(buffer);
      if (match) {
        // From here on the turn logs are read and dropped, as a log shipper would.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url: match[1] });
      }
      if (buffer.length > 100_000) buffer = buffer.slice(-1000);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function ask<T>(server: ServerProcess, question: 'rss' | 'rss-nogc' | 'cpu' | 'cache'): Promise<T> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve(message as T));
    server.child.send(question);
  });
}

/** The server's memory, after a full collection unless told otherwise. */
const rssOf = (server: ServerProcess, { collect = true } = {}) =>
  ask<{ rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }>(server, collect ? 'rss' : 'rss-nogc');
const cacheOf = (server: ServerProcess) => ask<{ hits: number; misses: number }>(server, 'cache');

/** The server's CPU time in microseconds (user + system) so far. */
async function cpuOf(server: ServerProcess): Promise<number> {
  const usage = await ask<NodeJS.CpuUsage>(server, 'cpu');
  return usage.user + usage.system;
}

interface Round extends LoadResult {
  /** Server CPU time per turn, in microseconds: what a turn costs the server, whatever the load generator costs. */
  cpuUsPerTurn: number;
}

async function round(server: ServerProcess, textOf?: (n: number) => string): Promise<Round> {
  const before = await cpuOf(server);
  const result = await runLoad(server.url, { ...LOAD, seconds: ROUND_SECONDS, textOf });
  const after = await cpuOf(server);
  return { ...result, cpuUsPerTurn: (after - before) / Math.max(1, result.turns) };
}

async function stop(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Median of a list of numbers. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

type ServerName = 'bare' | 'echo' | 'bot' | 'uncached' | 'realistic' | 'blob';

/** What each server is, in the order its rounds run; every round of every server runs before the next round. */
const SERVERS: { name: ServerName; label: string }[] = [
  { name: 'bare', label: 'bare floor: restify + CloudAdapter + echo, nothing else' },
  { name: 'echo', label: "echo on this project's stack (limits, turn logs, disclaimer)" },
  { name: 'bot', label: 'the bot, the repeated mix' },
  { name: 'uncached', label: 'the bot, understanding cache off: every message new' },
  { name: 'realistic', label: 'the bot, long-tailed traffic over many distinct wordings' },
  { name: 'blob', label: 'the bot, the repeated mix, state in blob storage (Azurite)' },
];

interface Throughput {
  rounds: Record<ServerName, Round[]>;
  /** Each against the bare floor's round just before it, median over the rounds (turns per second). */
  ratios: Record<ServerName, number>;
  /** p99 latency against the floor's, median of the paired rounds. */
  p99Ratio: number;
  /** Blob state against in-memory state, paired rounds: turns per second and p99. */
  blob?: { ratio: number; p99Ms: number; memoryP99Ms: number };
  /** Share of messages whose understanding came from the cache, over all rounds. */
  cacheHitRate: Partial<Record<ServerName, number>>;
  distinctWordings: number;
}

async function throughput(): Promise<Throughput> {
  const azurite = process.env.BENCH_BLOB === '0' ? undefined : await startAzurite();
  const wordings = distinctWordings();
  const realistic = zipfTraffic(wordings);
  const servers = new Map<ServerName, ServerProcess>();
  const rounds = Object.fromEntries(SERVERS.map((s) => [s.name, [] as Round[]])) as Record<ServerName, Round[]>;
  const cache = new Map<ServerName, { hits: number; misses: number }>();
  const textOf = (name: ServerName) => (name === 'realistic' ? realistic : undefined);
  try {
    servers.set('bare', await startServer('bare'));
    servers.set('echo', await startServer('echo'));
    servers.set('bot', await startServer('bot'));
    servers.set('uncached', await startServer('bot', { UNDERSTANDING_CACHE_ENTRIES: '0' }));
    servers.set('realistic', await startServer('bot'));
    if (azurite)
      servers.set('blob', await startServer('bot', { STATE_STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString }));
    for (const [name, server] of servers) await runLoad(server.url, { ...LOAD, seconds: WARM_UP_SECONDS, textOf: textOf(name) });
    for (const [name, server] of servers) cache.set(name, await cacheOf(server));
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, server] of servers) rounds[name].push(await round(server, textOf(name)));
    }
    const hitRates: Partial<Record<ServerName, number>> = {};
    for (const [name, server] of servers) {
      if (name === 'bare' || name === 'echo') continue;
      const [before, after] = [cache.get(name)!, await cacheOf(server)];
      const hits = after.hits - before.hits;
      const all = hits + after.misses - before.misses;
      hitRates[name] = all > 0 ? hits / all : 0;
    }
    const bare = rounds.bare;
    const ratioOf = (name: ServerName) => median(rounds[name].map((r, i) => r.turnsPerSecond / bare[i].turnsPerSecond));
    const ratios = Object.fromEntries(SERVERS.filter((s) => rounds[s.name].length > 0).map((s) => [s.name, ratioOf(s.name)])) as Record<
      ServerName,
      number
    >;
    const p99Ratio = median(rounds.bot.map((r, i) => r.p99Ms / Math.max(0.001, bare[i].p99Ms)));
    const blob =
      rounds.blob.length > 0
        ? {
            ratio: median(rounds.blob.map((r, i) => r.turnsPerSecond / rounds.bot[i].turnsPerSecond)),
            p99Ms: median(rounds.blob.map((r) => r.p99Ms)),
            memoryP99Ms: median(rounds.bot.map((r) => r.p99Ms)),
          }
        : undefined;
    return { rounds, ratios, p99Ratio, blob, cacheHitRate: hitRates, distinctWordings: wordings.length };
  } finally {
    await Promise.all([...servers.values()].map(stop));
    await azurite?.stop();
  }
}

/** Conversations the in-memory state keeps at most (MEMORY_STATE_MAX_CONVERSATIONS' default). */
const STATE_CAP = Number(process.env.MEMORY_STATE_MAX_CONVERSATIONS ?? 20_000);

interface ConversationMemory {
  conversations: number;
  /** The server with the default cap, after start-up (one full collection). */
  rssBeforeMb: number;
  /** Right after the burst, after one full collection: still holding the heap V8 grew to under load. */
  rssAfterBurstMb: number;
  heapCommittedAfterBurstMb: number;
  /** Highest RSS seen during the burst (sampled each second, no forced collection). */
  rssPeakMb: number;
  /** Once the process has been idle and V8 has handed back the heap it grew (no forced collection until then). */
  rssMb: number;
  heapMb: number;
  settledAfterSeconds: number;
  /** The same burst with the state capped at SMALL_CAP conversations, settled. */
  smallCap: { rssMb: number; heapMb: number };
  /** Settled RSS of the two servers apart, per conversation the larger cap keeps. */
  bytesPerRetained: number;
  /** The same from heap used: what the conversations themselves hold. */
  heapBytesPerRetained: number;
}

/** The memory part's second server keeps this many conversations: the same history, less state. */
const SMALL_CAP = 1_000;

/** The longest the bench waits for V8 to give back the heap it grew under load. */
const SETTLE_SECONDS = 60;

type MemoryUsage = Awaited<ReturnType<typeof rssOf>>;

/**
 * The server's memory once V8 has given back the heap it grew and no longer needs: its memory reducer
 * compacts the heap and shrinks the young generation within about half a minute of the process going
 * idle. Settled: the heap committed is within a quarter of the heap used and RSS has not fallen over the
 * last five seconds. Nothing is forced until then; the reading itself follows a full collection.
 */
async function settledMemory(server: ServerProcess): Promise<{ usage: MemoryUsage; seconds: number }> {
  const since = Date.now();
  const readings = [await rssOf(server, { collect: false })];
  const settled = () => {
    const last = readings[readings.length - 1];
    const fiveAgo = readings[readings.length - 6];
    return last.heapTotal <= 1.25 * last.heapUsed && fiveAgo !== undefined && last.rss >= 0.99 * fiveAgo.rss;
  };
  while (Date.now() - since < SETTLE_SECONDS * 1000 && !settled()) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    readings.push(await rssOf(server, { collect: false }));
  }
  return { usage: await rssOf(server), seconds: (Date.now() - since) / 1000 };
}

/** A bot server with the state capped at `cap` conversations through a burst of distinct conversations. */
async function conversationBurst(cap: number) {
  const bot = await startServer('bot', { MEMORY_STATE_MAX_CONVERSATIONS: String(cap) });
  try {
    const before = await rssOf(bot);
    let peak = before.rss;
    let sample: Promise<unknown> = Promise.resolve();
    const sampling = setInterval(() => {
      sample = rssOf(bot, { collect: false }).then((m) => (peak = Math.max(peak, m.rss)));
    }, 1000);
    const result = await runLoad(bot.url, {
      workers: 32,
      conversations: MEMORY_CONVERSATIONS,
      users: MEMORY_CONVERSATIONS,
      seconds: 600,
      maxTurns: MEMORY_CONVERSATIONS,
    });
    clearInterval(sampling);
    await sample; // one question at a time: replies are matched to questions by order
    const afterBurst = await rssOf(bot);
    const settled = await settledMemory(bot);
    return { turns: result.turns, before, peak, afterBurst, settled };
  } finally {
    await stop(bot);
  }
}

// Under load V8 lets the old generation grow to a few times what is live before collecting it, and hands
// that back once the load stops; RSS also holds what the allocator keeps. So a conversation's cost is read
// from two servers given the same burst, settled, one keeping STATE_CAP conversations and one SMALL_CAP:
// all that differs between them is the conversations kept.
async function memory(): Promise<ConversationMemory> {
  const full = await conversationBurst(STATE_CAP);
  const small = await conversationBurst(SMALL_CAP);
  const after = full.settled.usage;
  const kept = Math.min(full.turns, STATE_CAP) - Math.min(small.turns, SMALL_CAP);
  console.log(
    `   right after the burst: RSS ${fmt(full.afterBurst.rss / 1e6)} MB, heap used ${fmt(full.afterBurst.heapUsed / 1e6)} MB of ${fmt(full.afterBurst.heapTotal / 1e6)} MB committed; peak RSS during it ${fmt(full.peak / 1e6)} MB`,
  );
  console.log(
    `   settled after ${fmt(full.settled.seconds)} s idle: heap used ${fmt(after.heapUsed / 1e6)} MB of ${fmt(after.heapTotal / 1e6)} MB committed, external ${fmt(after.external / 1e6)} MB (array buffers ${fmt(after.arrayBuffers / 1e6)} MB)`,
  );
  console.log(
    `   the same burst keeping ${SMALL_CAP.toLocaleString('en')} conversations, settled: RSS ${fmt(small.settled.usage.rss / 1e6)} MB, heap used ${fmt(small.settled.usage.heapUsed / 1e6)} MB`,
  );
  return {
    conversations: full.turns,
    rssBeforeMb: full.before.rss / 1e6,
    rssAfterBurstMb: full.afterBurst.rss / 1e6,
    heapCommittedAfterBurstMb: full.afterBurst.heapTotal / 1e6,
    rssPeakMb: full.peak / 1e6,
    rssMb: after.rss / 1e6,
    heapMb: after.heapUsed / 1e6,
    settledAfterSeconds: full.settled.seconds,
    smallCap: { rssMb: small.settled.usage.rss / 1e6, heapMb: small.settled.usage.heapUsed / 1e6 },
    bytesPerRetained: (after.rss - small.settled.usage.rss) / Math.max(1, kept),
    heapBytesPerRetained: (after.heapUsed - small.settled.usage.heapUsed) / Math.max(1, kept),
  };
}

interface LargeMessageMemory {
  stateBudgetMb: number;
  messageKb: number;
  samples: { turns: number; rssMb: number; heapMb: number }[];
  /** Heap growth (after a collection) over the second half of the run, when state is at its budget: near zero when flat. */
  secondHalfHeapGrowthMb: number;
}

async function largeMessageMemory(): Promise<LargeMessageMemory> {
  const { turns, samples, messageChars, stateBudgetBytes } = LARGE_MESSAGES;
  const bot = await startServer('bot', { MEMORY_STATE_MAX_BYTES: String(stateBudgetBytes) });
  const filler = 'I have had migraines for years and nothing seems to help. '.repeat(Math.ceil(messageChars / 58)).slice(0, messageChars);
  const sample = async (done: number) => {
    const { rss, heapUsed } = await rssOf(bot);
    return { turns: done, rssMb: rss / 1e6, heapMb: heapUsed / 1e6 };
  };
  try {
    const taken = [await sample(0)];
    const step = Math.ceil(turns / samples);
    for (let done = 0; done < turns; done += step) {
      // Every message is new and every turn starts a new conversation with a new user.
      const load = { workers: 4, conversations: Number.MAX_SAFE_INTEGER, users: Number.MAX_SAFE_INTEGER, seconds: 600, maxTurns: step };
      await runLoad(bot.url, { ...load, textOf: (n) => `${n} ${filler}` });
      taken.push(await sample(done + step));
    }
    const half = taken[Math.floor(taken.length / 2)];
    return {
      stateBudgetMb: stateBudgetBytes / 1e6,
      messageKb: messageChars / 1000,
      samples: taken,
      secondHalfHeapGrowthMb: taken[taken.length - 1].heapMb - half.heapMb,
    };
  } finally {
    await stop(bot);
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`bench: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${fmt(totalmem() / 1e9, 1)} GB, Node ${process.version}`);
  const turns = PARTS.has('throughput') ? await throughputPart() : undefined;
  const resolution = PARTS.has('resolution') ? resolutionPart() : undefined;
  const mem = PARTS.has('memory') ? await memoryPart() : undefined;

  printTargets(targetRows(turns, resolution, mem));
  const seconds = (Date.now() - started) / 1000;
  if (!ALL_PARTS || !turns || !resolution || !mem) {
    console.log(`\nbench: done in ${fmt(seconds)} s; bench/results.json not written (BENCH_PARTS ran only part of the bench)`);
    return;
  }
  const results = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: totalmem() / 1e9, node: process.version },
    throughput: {
      ratios: turns.ratios,
      p99Ratio: turns.p99Ratio,
      blob: turns.blob,
      cacheHitRate: turns.cacheHitRate,
      distinctWordings: turns.distinctWordings,
      rounds: turns.rounds,
    },
    targets: targetRows(turns, resolution, mem),
    resolution: {
      scales: resolution.scales,
      growth1kTo10k: resolution.growth,
      targets: { p99UsAt10k: TARGETS.understandingP99Us, startupMsAt10k: TARGETS.startupMs, growth: 3, wrongTherapy: WRONG_TARGETS },
    },
    memory: mem,
    seconds,
  };
  writeFileSync(join(__dirname, '..', '..', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nbench: done in ${fmt(results.seconds)} s; wrote bench/results.json`);
}

async function throughputPart(): Promise<Throughput> {
  console.log('\n1. Turn throughput on /api/messages (expectReplies), alternating rounds of each server');
  const turns = await throughput();
  for (const { name, label } of SERVERS) if (turns.rounds[name].length > 0) console.log(`   ${name.padEnd(9)} ${label}`);
  console.log('   server     round  turns/s  p50 ms  p99 ms  server CPU µs/turn  errors');
  for (let i = 0; i < ROUNDS; i++) {
    for (const { name } of SERVERS) {
      const r = turns.rounds[name][i];
      if (!r) continue;
      console.log(
        `   ${name.padEnd(9)}  ${i + 1}      ${fmt(r.turnsPerSecond).padStart(7)}  ${fmt(r.p50Ms, 2).padStart(6)}  ${fmt(r.p99Ms, 2).padStart(6)}  ${fmt(r.cpuUsPerTurn).padStart(18)}  ${r.errors}`,
      );
    }
  }
  console.log(`   turns/s against the bare floor (median of ${ROUNDS} paired rounds):`);
  for (const { name } of SERVERS) {
    if (name === 'bare' || turns.ratios[name] === undefined) continue;
    const hits = turns.cacheHitRate[name];
    console.log(
      `     ${name.padEnd(9)} ${fmt(turns.ratios[name], 2)}x${hits === undefined ? '' : `   understanding cache hit rate ${fmt(hits * 100, 1)}%`}`,
    );
  }
  console.log(`   realistic traffic: ${turns.distinctWordings.toLocaleString('en')} distinct wordings, Zipf-like repetition (exponent 1)`);
  if (turns.blob)
    console.log(
      `   blob state against in-memory state: ${fmt(turns.blob.ratio, 2)}x turns/s; p99 ${fmt(turns.blob.p99Ms, 1)} ms against ${fmt(turns.blob.memoryP99Ms, 1)} ms`,
    );
  return turns;
}

/** The issue's targets (performance against the bare floor), each printed beside its measure. */
const TARGETS = {
  repeatedRatio: 0.8,
  newRatio: 0.7,
  p99Ratio: 2,
  bytesPerConversation: 4096,
  understandingP99Us: 500,
  startupMs: 2000,
};

interface TargetRow {
  target: string;
  measure: string;
  met: boolean;
  /** What else to read beside the measure. */
  note?: string;
}

function targetRows(turns?: Throughput, resolution?: { scales: ResolutionResult[] }, mem?: ConversationMemory): TargetRow[] {
  const rows: TargetRow[] = [];
  if (turns) {
    rows.push({
      target: `bot / bare floor, repeated mix >= ${TARGETS.repeatedRatio}`,
      measure: `${fmt(turns.ratios.bot, 2)}x`,
      met: turns.ratios.bot >= TARGETS.repeatedRatio,
    });
    rows.push({
      target: `bot / bare floor, every message new >= ${TARGETS.newRatio}`,
      measure: `${fmt(turns.ratios.uncached, 2)}x`,
      met: turns.ratios.uncached >= TARGETS.newRatio,
    });
    rows.push({
      target: `p99 under load <= ${TARGETS.p99Ratio}x the floor's`,
      measure: `${fmt(turns.p99Ratio, 2)}x`,
      met: turns.p99Ratio <= TARGETS.p99Ratio,
    });
  }
  if (mem)
    rows.push({
      target: `RSS per retained conversation <= ${TARGETS.bytesPerConversation / 1024} KB`,
      measure: `${fmt(mem.bytesPerRetained / 1024, 1)} KB`,
      note: `heap ${fmt(mem.heapBytesPerRetained / 1024, 1)} KB; ${fmt(mem.rssPeakMb)} MB peak under the burst`,
      met: mem.bytesPerRetained <= TARGETS.bytesPerConversation,
    });
  const at10k = resolution?.scales.find((r) => r.monographs === 10_000);
  if (at10k) {
    rows.push({
      target: `understanding p99 at 10,000 monographs <= ${TARGETS.understandingP99Us} µs`,
      measure: `${fmt(at10k.p99Us)} µs`,
      met: at10k.p99Us <= TARGETS.understandingP99Us,
    });
    rows.push({
      target: `start-up at 10,000 monographs <= ${TARGETS.startupMs} ms`,
      measure: `${fmt(at10k.startupMs)} ms`,
      met: at10k.startupMs <= TARGETS.startupMs,
    });
  }
  return rows;
}

function printTargets(rows: TargetRow[]): void {
  if (rows.length === 0) return;
  console.log('\nTargets');
  const width = Math.max(...rows.map((r) => r.target.length));
  for (const r of rows)
    console.log(`   ${r.target.padEnd(width)}  ${r.measure.padStart(9)}  ${r.met ? 'pass' : 'MISS'}${r.note ? `  (${r.note})` : ''}`);
}

function resolutionPart(): { scales: ResolutionResult[]; growth: number | undefined } {
  console.log('\n2. Resolution at scale (generated monographs; latency of understanding one question)');
  const scales: ResolutionResult[] = [];
  for (const n of SCALES) scales.push(measureResolution(n));
  console.log('   monographs  start-up ms  p50 µs  p99 µs  heap MB  accuracy  | naive: index ms  p50 µs  p99 µs');
  for (const r of scales) {
    console.log(
      `   ${String(r.monographs).padStart(10)}  ${fmt(r.startupMs).padStart(11)}  ${fmt(r.p50Us).padStart(6)}  ${fmt(r.p99Us).padStart(6)}  ${fmt(r.heapMb, 1).padStart(7)}  ${fmt(r.accuracy * 100, 1).padStart(7)}%  |  ${fmt(r.naive.indexMs).padStart(14)}  ${fmt(r.naive.p50Us).padStart(6)}  ${fmt(r.naive.p99Us).padStart(6)}`,
    );
  }
  const at = (n: number) => scales.find((r) => r.monographs === n);
  const growth = at(1000) && at(10000) ? at(10000)!.p99Us / at(1000)!.p99Us : undefined;
  if (at(10000)) {
    console.log(
      `   at 10,000: p99 ${fmt(at(10000)!.p99Us)} µs, start-up ${fmt(at(10000)!.startupMs)} ms, p99 growth 1k→10k ${growth ? fmt(growth, 2) : '-'}x (target <= 3x)`,
    );
  }

  console.log('\n   Questions naming a therapy, exactly, with one slip of each kind, or two: what the bot did (share of questions)');
  console.log('   monographs  name    questions   right   WRONG  target  did you mean   other');
  const share = (n: number, of: number) => `${fmt((100 * n) / Math.max(1, of), 2)}%`;
  let missed = 0;
  for (const r of scales) {
    for (const kind of NAMED_KINDS) {
      const o: NamedOutcomes = r.named[kind];
      const target = WRONG_TARGETS[kind];
      const met = target === undefined || o.wrong <= target * o.questions;
      if (!met) missed++;
      const targetText = target === undefined ? '-' : `<=${fmt(target * 100, 1)}%`;
      console.log(
        `   ${String(r.monographs).padStart(10)}  ${kind.padEnd(6)}  ${String(o.questions).padStart(9)}  ${share(o.right, o.questions).padStart(7)}  ${share(o.wrong, o.questions).padStart(6)}  ${targetText.padStart(6)}${met ? ' ' : '!'}  ${share(o.didYouMean, o.questions).padStart(12)}  ${share(o.other, o.questions).padStart(6)}`,
      );
    }
  }
  console.log(
    `   wrong-therapy answers: ${missed === 0 ? 'every target met' : `${missed} target(s) missed (marked !)`}; goal: none at all (two slips: no target)`,
  );
  return { scales, growth };
}

async function memoryPart(): Promise<ConversationMemory & { largeMessages: LargeMessageMemory }> {
  console.log(`\n3. Memory after ${MEMORY_CONVERSATIONS.toLocaleString('en')} distinct conversations (default in-memory state)`);
  const mem = await memory();
  console.log(
    `   RSS ${fmt(mem.rssBeforeMb)} MB before, ${fmt(mem.rssMb)} MB settled after ${mem.conversations.toLocaleString('en')} conversations (${fmt(mem.rssAfterBurstMb)} MB right after them); heap ${fmt(mem.heapMb)} MB`,
  );
  console.log(
    `   ${fmt(mem.bytesPerRetained / 1024, 1)} KB of RSS per retained conversation (settled, ${STATE_CAP.toLocaleString('en')} kept against ${SMALL_CAP.toLocaleString('en')}); ${fmt(mem.heapBytesPerRetained / 1024, 1)} KB of heap`,
  );
  const { turns, messageChars, stateBudgetBytes } = LARGE_MESSAGES;
  console.log(
    `\n   ${turns.toLocaleString('en')} messages of ${fmt(messageChars / 1000)} KB, each in a new conversation (MEMORY_STATE_MAX_BYTES=${fmt(stateBudgetBytes / 1e6, 1)} MB)`,
  );
  const large = await largeMessageMemory();
  console.log(`   turns  ${large.samples.map((s) => String(s.turns).padStart(6)).join('')}`);
  console.log(`   RSS MB ${large.samples.map((s) => fmt(s.rssMb).padStart(6)).join('')}`);
  console.log(`   heap MB${large.samples.map((s) => fmt(s.heapMb).padStart(6)).join('')}`);
  console.log(
    `   heap growth over the second half: ${fmt(large.secondHalfHeapGrowthMb, 1)} MB (flat: state is held to its budget; RSS also holds the bodies in flight)`,
  );
  return { ...mem, largeMessages: large };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
