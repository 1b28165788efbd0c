// `npm run eval -- FILE.jsonl... [--url URL] [--json REPORT] [--concurrency N]`: checks the bot against
// evaluation cases (the format of tests/eval/*.jsonl, see docs/evaluation.md) over the real Bot Framework
// protocol, so an organisation can try its own questions, with its own data, before going live. Without
// --url it starts the built bot itself (loopback, any free port, the settings of this environment, no app
// identity) and stops it afterwards. Prints a table by category and writes a JSON report.
// Exit code: 0 when every case passed, 1 when one failed, 2 when the cases or the bot could not be used.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCases, type EvalCase } from './eval/cases';
import { judgeCases, type CaseResult } from './eval/judge';
import { loadForCli } from './shipped-knowledge';
import { botReadyUrl } from '../observability/logger';
import { SUPPORTED_LANGUAGES } from '../knowledge/schema';

interface Args {
  files: string[];
  url?: string;
  json: string;
  concurrency: number;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], json: 'eval-report.json', concurrency: 4 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') args.url = argv[++i];
    else if (arg === '--json') args.json = argv[++i];
    else if (arg === '--concurrency') args.concurrency = Number(argv[++i]);
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else args.files.push(arg);
  }
  if (args.files.length === 0) return 'name at least one cases file (JSON Lines)';
  if (!Number.isInteger(args.concurrency) || args.concurrency < 1) return '--concurrency must be a whole number from 1';
  if (args.url !== undefined && !/^https?:\/\//.test(args.url))
    return "--url must be the bot's http(s) URL, e.g. http://127.0.0.1:3978/api/messages";
  if (!args.json) return '--json needs a file name';
  return args;
}

/** Starts `node dist/src/index.js` on a free loopback port; resolves with its /api/messages URL once ready. */
function startBot(): Promise<{ url: string; child: ChildProcess }> {
  const root = resolve(__dirname, '..', '..', '..');
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', join(root, 'dist', 'src', 'index.js')], {
    cwd: process.cwd(),
    // No identity: the cases are sent without tokens. Limits stay as configured; each case is its own user.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MicrosoftAppId: '', WEB_CHAT_PAGE: 'false', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = botReadyUrl(output);
      if (url) {
        child.stdout?.off('data', onData);
        child.stdout?.resume(); // its turn logs are not needed
        resolveReady({ url, child });
      }
      if (output.length > 100_000) output = output.slice(-10_000);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the bot stopped before it was ready (exit ${code}):\n${output.slice(-2000)}`)));
  });
}

function percent(passed: number, of: number): string {
  return `${((100 * passed) / Math.max(1, of)).toFixed(1)}%`;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

function printReport(results: CaseResult[]): void {
  const categories = new Map<string, { cases: number; passed: number }>();
  for (const r of results) {
    const c = categories.get(r.category) ?? { cases: 0, passed: 0 };
    c.cases++;
    if (r.passed) c.passed++;
    categories.set(r.category, c);
  }
  const width = Math.max(8, ...[...categories.keys()].map((k) => k.length));
  console.log(`${'category'.padEnd(width)}  cases  passed`);
  for (const [name, c] of [...categories].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`${name.padEnd(width)}  ${String(c.cases).padStart(5)}  ${String(c.passed).padStart(6)}  ${percent(c.passed, c.cases)}`);
  }
  const failed = results.filter((r) => !r.passed);
  if (failed.length > 0) {
    console.log('\nfailed:');
    for (const r of failed) {
      const turn = r.turns.findIndex((t) => !t.passed);
      console.log(`  ${r.id} (turn ${turn + 1}): ${r.turns[turn].failures.join('; ')}`);
    }
  }
  const latencies = results.flatMap((r) => r.turns.map((t) => t.latencyMs)).sort((a, b) => a - b);
  const turns = results.flatMap((r) => r.turns);
  console.log(
    `\nturns: ${turns.filter((t) => t.passed).length}/${turns.length} passed; latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms`,
  );
  console.log(
    `eval: ${results.length - failed.length}/${results.length} passed (${percent(results.length - failed.length, results.length)})`,
  );
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`npm run eval -- FILE.jsonl... [--url URL] [--json REPORT] [--concurrency N]: ${args}`);
    return 2;
  }
  const cases: EvalCase[] = [];
  for (const file of args.files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`cannot read ${file}: ${(error as Error).message}`);
      return 2;
    }
    const parsed = parseCases(text, file);
    if (!parsed.ok) {
      parsed.problems.forEach((p) => console.error(p));
      return 2;
    }
    cases.push(...parsed.cases);
  }
  const knowledge = loadForCli();
  if (!knowledge) return 2;

  let bot: { url: string; child: ChildProcess } | undefined;
  try {
    bot = args.url ? undefined : await startBot();
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  try {
    const url = args.url ?? bot!.url;
    const disclaimers = SUPPORTED_LANGUAGES.map((language) => knowledge.inLanguage(language).replies.disclaimer);
    const results = await judgeCases(cases, { url, disclaimers, concurrency: args.concurrency });
    printReport(results);
    const passed = results.filter((r) => r.passed).length;
    writeFileSync(
      args.json,
      `${JSON.stringify({ date: new Date().toISOString(), url: args.url ?? 'started by npm run eval', files: args.files, passed, cases: results.length, results }, null, 2)}\n`,
    );
    console.log(`report: ${args.json}`);
    return passed === results.length ? 0 : 1;
  } finally {
    if (bot) {
      const exited = new Promise((r) => bot!.child.once('exit', r));
      bot.child.kill('SIGTERM');
      await exited;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
