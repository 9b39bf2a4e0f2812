import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: separate processes are the safe pool for it.
    pool: 'forks',
    // Days are the learner's local days: run every test in a zone with DST to catch mistakes.
    env: { TZ: 'Europe/Berlin' },
    setupFiles: process.env.NODE_V8_COVERAGE ? ['test/support/write-node-coverage.ts'] : [],
    // Off for `npm test`; `npm run coverage` (scripts/coverage.mjs) switches it on and merges the
    // result with what the Playwright tests ran of the renderer in Chromium.
    coverage: {
      provider: 'v8',
      include: ['electron/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
      reporter: ['json'],
      reportsDirectory: 'coverage/vitest',
      // A test that fails still ran code; the script says the run failed and prints what it has.
      reportOnFailure: true,
    },
  },
});
