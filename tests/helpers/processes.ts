// Runs the built bot (dist/, made by tests/global-setup.ts) as real processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { botReadyUrl } from '../../src/observability/logger';

/** The project's root, from the sources (vitest) or from the compiled copy the benchmark runs under dist/. */
export const ROOT = existsSync(join(__dirname, '..', '..', 'package.json'))
  ? join(__dirname, '..', '..')
  : join(__dirname, '..', '..', '..');
const NODE_FLAGS = ['--disable-warning=DEP0111'];

export function runCli(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist', 'src', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `node dist/src/index.js` on a free port and resolves once it says it is ready. */
export function startBotProcess(env: Record<string, string> = {}): Promise<BotProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, 'dist', 'src', 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const messages = botReadyUrl(output);
      if (messages) resolve({ child, url: messages.replace(/\/api\/messages$/, ''), output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`bot exited with ${code} before it was ready:\n${output}`)));
  });
}
