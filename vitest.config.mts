import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // HTTP tests start real servers on free ports; keep the two cores for them.
    pool: 'forks',
    // restify 11 touches a deprecated Node API at load; the warning is noise in test output.
    execArgv: ['--disable-warning=DEP0111'],
    globalSetup: ['tests/global-setup.ts'],
  },
});
