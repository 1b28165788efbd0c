// No Docker engine runs in CI, so deployment/Dockerfile and .dockerignore are checked as text: a multi-stage
// Node 20 build, production dependencies only at run time, a non-root user, a health check on /healthz.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const dockerfile = readFileSync(join(root, 'deployment', 'Dockerfile'), 'utf8');

/** Instructions with continuation lines joined and comments dropped: [keyword, arguments]. */
const instructions: [string, string][] = dockerfile
  .replace(/\\\r?\n/g, ' ')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [keyword, ...rest] = line.split(/\s+/);
    return [keyword.toUpperCase(), rest.join(' ')];
  });
const all = (keyword: string) => instructions.filter(([k]) => k === keyword).map(([, args]) => args);

/** The instructions of the last stage (the image that runs). */
function runtimeStage(): [string, string][] {
  const lastFrom = instructions.map(([k]) => k).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}
const runtime = (keyword: string) => runtimeStage().filter(([k]) => k === keyword).map(([, args]) => args);

/** .dockerignore patterns, without comments. */
const dockerignore = readFileSync(join(root, '.dockerignore'), 'utf8')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

describe('deployment/Dockerfile', () => {
  it('has two stages on a Node 20 base image', () => {
    const froms = all('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^node:20[.\-\w]*(\s+AS\s+\w+)?$/i);
  });

  it('builds in the first stage: npm ci and the TypeScript build', () => {
    const build = instructions.slice(0, instructions.map(([k]) => k).lastIndexOf('FROM'));
    const runs = build.filter(([k]) => k === 'RUN').map(([, args]) => args);
    expect(runs.some((run) => /\bnpm ci\b/.test(run) && !run.includes('--omit=dev'))).toBe(true);
    expect(runs.some((run) => /npm run build|tsc -p tsconfig\.build\.json/.test(run))).toBe(true);
  });

  it('installs production dependencies only in the runtime stage and copies what the bot reads at run time', () => {
    expect(runtime('RUN').some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(runtime('RUN').some((run) => /npm (run build|install)\b/.test(run) && !run.includes('--omit=dev'))).toBe(false);
    const copies = runtime('COPY');
    expect(copies.some((copy) => /--from=\w+\s+\S*dist\s/.test(copy))).toBe(true);
    expect(copies.some((copy) => /^data\s/.test(copy))).toBe(true);
    expect(copies.some((copy) => /^src\/host\/public\s/.test(copy))).toBe(true);
    expect(copies.some((copy) => /\bpackage\.json\b/.test(copy))).toBe(true);
    expect(copies.some((copy) => /^\.\s/.test(copy)), 'no COPY of the whole context').toBe(false);
  });

  it('runs as a user other than root', () => {
    const users = runtime('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('checks health on /healthz with node (curl may be absent)', () => {
    const healthchecks = runtime('HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toContain('/healthz');
    expect(healthchecks[0]).toMatch(/CMD \[?"?node"?,? "?-e/);
  });

  it('listens on 0.0.0.0:3978 and starts the compiled bot', () => {
    const env = runtime('ENV').join(' ');
    expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
    expect(env).toMatch(/\bPORT=3978\b/);
    expect(runtime('EXPOSE')).toContain('3978');
    const cmds = runtime('CMD');
    expect(cmds).toHaveLength(1);
    expect(cmds[0]).toMatch(/^\[\s*"node"/);
    expect(cmds[0]).toContain('dist/src/index.js');
  });

  it('copies only paths that exist in the repository', () => {
    for (const copy of all('COPY').filter((args) => !args.startsWith('--from'))) {
      const sources = copy.split(/\s+/).slice(0, -1);
      for (const source of sources) expect(existsSync(join(root, source)), source).toBe(true);
    }
  });
});

describe('.dockerignore', () => {
  it.each(['node_modules', '.env', 'dist', '.git', 'test-artifacts', 'coverage', 'bench/results.json'])('excludes %s', (path) => {
    expect(dockerignore).toContain(path);
  });

  it('keeps what the image needs in the build context', () => {
    for (const needed of ['data', 'src', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      expect(dockerignore.some((pattern) => pattern === needed || pattern === `${needed}/`), needed).toBe(false);
    }
  });
});
