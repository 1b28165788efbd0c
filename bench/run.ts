// `npm run bench`: turn throughput against an echo bot on the same stack, resolution at up to
// 10,000 generated monographs, and memory after 100,000 conversations. Loopback only, bounded in
// time. Prints a table and writes bench/results.json.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLoad, type LoadResult } from './load';
import { measureResolution, type ResolutionResult } from './resolution';

const ROUNDS = 3;
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const LOAD = { workers: 16, conversations: 2000, users: 500 };
const SCALES = (process.env.BENCH_SCALES ?? '1,100,1000,10000').split(',').map(Number);
const MEMORY_CONVERSATIONS = Number(process.env.BENCH_MEMORY_CONVERSATIONS ?? 100_000);

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

function startServer(kind: 'bot' | 'echo'): Promise<ServerProcess> {
  const child = fork(join(__dirname, 'servers.js'), [kind], {
    env: { ...process.env, LOG_LEVEL: 'info' },
    execArgv: ['--disable-warning=DEP0111'],
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

function rssOf(server: ServerProcess): Promise<{ rss: number; heapUsed: number }> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => resolve(message as { rss: number; heapUsed: number }));
    server.child.send('rss');
  });
}

async function stop(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

async function throughput(): Promise<{ echo: LoadResult[]; bot: LoadResult[]; ratio: number; echoBest: LoadResult; botBest: LoadResult }> {
  const echo = await startServer('echo');
  const bot = await startServer('bot');
  const results = { echo: [] as LoadResult[], bot: [] as LoadResult[] };
  try {
    await runLoad(echo.url, { ...LOAD, seconds: 1 }); // warm up both
    await runLoad(bot.url, { ...LOAD, seconds: 1 });
    for (let round = 0; round < ROUNDS; round++) {
      results.echo.push(await runLoad(echo.url, { ...LOAD, seconds: ROUND_SECONDS }));
      results.bot.push(await runLoad(bot.url, { ...LOAD, seconds: ROUND_SECONDS }));
    }
  } finally {
    await stop(echo);
    await stop(bot);
  }
  const median = (list: LoadResult[]) => [...list].sort((a, b) => a.turnsPerSecond - b.turnsPerSecond)[Math.floor(list.length / 2)];
  const echoBest = median(results.echo);
  const botBest = median(results.bot);
  return { ...results, echoBest, botBest, ratio: botBest.turnsPerSecond / echoBest.turnsPerSecond };
}

async function memory(): Promise<{ conversations: number; rssMb: number; heapMb: number; rssBeforeMb: number }> {
  const bot = await startServer('bot');
  try {
    const before = await rssOf(bot);
    const result = await runLoad(bot.url, { workers: 32, conversations: MEMORY_CONVERSATIONS, users: MEMORY_CONVERSATIONS, seconds: 600, maxTurns: MEMORY_CONVERSATIONS });
    const after = await rssOf(bot);
    return { conversations: result.turns, rssMb: after.rss / 1e6, heapMb: after.heapUsed / 1e6, rssBeforeMb: before.rss / 1e6 };
  } finally {
    await stop(bot);
  }
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);

async function main(): Promise<void> {
  const started = Date.now();
  console.log(`bench: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${fmt(totalmem() / 1e9, 1)} GB, Node ${process.version}`);

  console.log('\n1. Turn throughput on /api/messages (expectReplies), echo bot vs the bot, alternating rounds');
  const turns = await throughput();
  console.log('   server  round  turns/s  p50 ms  p99 ms  errors');
  turns.echo.forEach((e, i) => {
    const b = turns.bot[i];
    console.log(`   echo    ${i + 1}      ${fmt(e.turnsPerSecond).padStart(7)}  ${fmt(e.p50Ms, 2).padStart(6)}  ${fmt(e.p99Ms, 2).padStart(6)}  ${e.errors}`);
    console.log(`   bot     ${i + 1}      ${fmt(b.turnsPerSecond).padStart(7)}  ${fmt(b.p50Ms, 2).padStart(6)}  ${fmt(b.p99Ms, 2).padStart(6)}  ${b.errors}`);
  });
  console.log(`   ratio bot/echo (median rounds): ${fmt(turns.ratio, 2)}x   (target >= 0.80x)`);

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
    console.log(`   at 10,000: p99 ${fmt(at(10000)!.p99Us)} µs (target <= 1000), start-up ${fmt(at(10000)!.startupMs)} ms (target <= 5000), p99 growth 1k→10k ${growth ? fmt(growth, 2) : '-'}x (target <= 3x)`);
  }

  console.log(`\n3. Memory after ${MEMORY_CONVERSATIONS.toLocaleString('en')} distinct conversations (default in-memory state)`);
  const mem = await memory();
  console.log(`   RSS ${fmt(mem.rssBeforeMb)} MB before, ${fmt(mem.rssMb)} MB after ${mem.conversations.toLocaleString('en')} conversations; heap ${fmt(mem.heapMb)} MB`);

  const results = {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: totalmem() / 1e9, node: process.version },
    throughput: { ratio: turns.ratio, echo: turns.echo, bot: turns.bot, target: 0.8 },
    resolution: { scales, growth1kTo10k: growth, targets: { p99UsAt10k: 1000, startupMsAt10k: 5000, growth: 3 } },
    memory: mem,
    seconds: (Date.now() - started) / 1000,
  };
  writeFileSync(join(__dirname, '..', '..', 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nbench: done in ${fmt(results.seconds)} s; wrote bench/results.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
