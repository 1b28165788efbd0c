import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // HTTP tests start real servers on free ports; keep the two cores for them.
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
  },
});
