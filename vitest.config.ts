import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: separate processes are the safe pool for it.
    pool: 'forks',
    // Days are the learner's local days: run every test in a zone with DST to catch mistakes.
    env: { TZ: 'Europe/Berlin' },
  },
});
