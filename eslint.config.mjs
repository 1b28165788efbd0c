// ESLint flat config: the recommended JavaScript and typescript-eslint rules, no warnings allowed, and the
// layers' import rules (docs/architecture.md). tests/lint/import-rules.test.ts shows each rule failing.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What an import may not reach, as regular expressions over the import's path. */
const forbid = {
  botbuilder: {
    regex: '^(botbuilder|botframework-|restify)',
    message: 'The core knows nothing of botbuilder or HTTP: keep its types at the edge (host, bot, renderers).',
  },
  host: { regex: '(^|/)host/', message: 'Only wiring reaches the HTTP edge (src/host).' },
  bot: { regex: '(^|/)bot/', message: 'Only the host and wiring reach the bot layer (src/bot).' },
  dialogs: { regex: '(^|/)dialogs/', message: 'Only the bot layer (src/bot) imports dialogs/.' },
  render: { regex: '(^|/)render/', message: 'Renderers belong to the edge: the core and the stores do not use them.' },
  state: { regex: '(^|/)state/', message: 'Conversation state belongs to the bot layer and wiring.' },
  observability: { regex: '(^|/)observability/', message: 'The core is not observed from inside: the bot layer records what it answered.' },
  cli: { regex: '(^|/)cli/', message: 'Command-line tools are entry points: nothing imports them.' },
  entry: { regex: '(^|/)(wiring|index)$', message: 'wiring.ts and index.ts are the top: nothing imports them.' },
  config: { regex: '(^|/)config$', message: 'The core takes values, not settings: wiring passes them in.' },
  pastFacade: {
    regex: '^\\.\\./src/(?!question-answering$)',
    message: 'dialogs/ reach the rest of the bot only through src/question-answering.ts and DialogServices.',
  },
};

/** One layer: its files may import nothing that the listed rules forbid. */
const layer = (files, ...rules) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: rules.map((r) => ({ ...r })) }] } });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The chat page's client runs in the browser.
    files: ['src/host/public/**/*.js', 'tests/e2e/*-in-page.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', fetch: 'readonly', Symbol: 'readonly' },
    },
  },
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // The layers, innermost first. Each file belongs to one of them.
  layer(
    [
      'src/understanding/**',
      'src/answers/**',
      'src/knowledge/**',
      'src/import/**',
      'src/text/**',
      'src/util/**',
      'src/question-answering.ts',
    ],
    forbid.botbuilder,
    forbid.host,
    forbid.bot,
    forbid.dialogs,
    forbid.render,
    forbid.state,
    forbid.observability,
    forbid.cli,
    forbid.entry,
    forbid.config,
  ),
  layer(
    ['src/render/**'],
    forbid.host,
    forbid.bot,
    forbid.dialogs,
    forbid.state,
    forbid.observability,
    forbid.cli,
    forbid.entry,
    forbid.config,
  ),
  layer(['src/observability/**'], forbid.host, forbid.bot, forbid.dialogs, forbid.render, forbid.state, forbid.cli, forbid.entry),
  layer(['src/handoff/**'], forbid.host, forbid.bot, forbid.dialogs, forbid.render, forbid.state, forbid.cli, forbid.entry, forbid.config),
  layer(['src/state/**'], forbid.host, forbid.bot, forbid.dialogs, forbid.render, forbid.cli, forbid.entry),
  layer(['src/bot/**'], forbid.host, forbid.cli, forbid.entry),
  layer(['src/host/**'], forbid.dialogs, forbid.cli, forbid.entry),
  layer(['src/cli/**'], forbid.dialogs, forbid.host, forbid.bot, forbid.entry),
  layer(['src/config.ts', 'src/wiring.ts', 'src/index.ts'], forbid.dialogs, forbid.cli),
  layer(['dialogs/**'], forbid.pastFacade, { ...forbid.botbuilder, regex: '^restify' }),
);
