// A fresh clone installs without warnings (README, "Install output"): every dependency with an install
// script has a decision in package.json's allowScripts, and Web Chat's React peers are satisfied.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/processes';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Every installed package (nested ones too) whose package.json has an install script. */
function packagesWithInstallScripts(dir = join(ROOT, 'node_modules'), found = new Set<string>()): Set<string> {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      packagesWithInstallScripts(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const { name, scripts = {} } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; scripts?: Record<string, string> };
      if (name && INSTALL_SCRIPTS.some((s) => scripts[s])) found.add(name);
    }
    packagesWithInstallScripts(join(path, 'node_modules'), found);
  }
  return found;
}

describe('install', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };

  it('has a decision in allowScripts for every dependency with an install script, so npm does not warn', () => {
    const undecided = [...packagesWithInstallScripts()].filter((name) => !(name in (pkg.allowScripts ?? {})));
    expect(undecided).toEqual([]);
  });

  it("satisfies Web Chat's React peer ranges (npm ls exits 0 for react and react-dom)", () => {
    expect(() => execFileSync('npm', ['ls', 'react', 'react-dom', '--all'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
