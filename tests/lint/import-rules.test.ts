// The layers' import rules in eslint.config.mjs fail on forbidden imports and pass allowed ones: each case
// lints one line as if it were in the named file, with the project's own ESLint configuration.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importProblems(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import type { X } from '${specifier}';\nexport type Y = X;\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules', () => {
  it.each([
    ['the core imports botbuilder', 'src/answers/example.ts', 'botbuilder'],
    ['the core imports restify', 'src/understanding/example.ts', 'restify'],
    ['the core imports the HTTP edge', 'src/knowledge/example.ts', '../host/server'],
    ['the core imports the bot layer', 'src/question-answering.ts', './bot/therapy-bot'],
    ['the core imports a renderer', 'src/answers/example.ts', '../render/card'],
    ['the core imports the settings', 'src/understanding/example.ts', '../config'],
    ['the core imports observability', 'src/text/example.ts', '../observability/logger'],
    ['a renderer imports the bot layer', 'src/render/example.ts', '../bot/send-answer'],
    ['the HTTP edge imports dialogs', 'src/host/example.ts', '../../dialogs/memory'],
    ['wiring imports dialogs', 'src/wiring.ts', '../dialogs/main-dialog'],
    ['observability imports the HTTP edge', 'src/observability/example.ts', '../host/adapter'],
    ['the bot layer imports the HTTP edge', 'src/bot/example.ts', '../host/server'],
    ['a dialog reaches past its facade', 'dialogs/example.ts', '../src/answers/compose'],
    ['a dialog imports the bot layer', 'dialogs/example.ts', '../src/bot/send-answer'],
    ['a dialog imports the HTTP edge', 'dialogs/example.ts', '../src/host/server'],
  ])('fail when %s', async (_case, filePath, specifier) => {
    expect(await importProblems(filePath, specifier)).toHaveLength(1);
  });

  it.each([
    ['the core imports the core', 'src/answers/example.ts', '../knowledge/schema'],
    ['the bot layer imports dialogs', 'src/bot/example.ts', '../../dialogs/memory'],
    ['the bot layer imports botbuilder', 'src/bot/example.ts', 'botbuilder'],
    ['the HTTP edge imports the bot layer', 'src/host/example.ts', '../bot/turn-observer'],
    ['a dialog imports its facade', 'dialogs/example.ts', '../src/question-answering'],
    ['a dialog imports botbuilder', 'dialogs/example.ts', 'botbuilder'],
    ['a dialog imports another dialog', 'dialogs/example.ts', './memory'],
    ['wiring imports every layer', 'src/wiring.ts', './host/adapter'],
  ])('pass when %s', async (_case, filePath, specifier) => {
    expect(await importProblems(filePath, specifier)).toEqual([]);
  });
});
