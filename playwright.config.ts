import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (CI and these machines); Playwright's own elsewhere.
const debianChromium = '/usr/lib/chromium/chromium';

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(existsSync(debianChromium) ? { executablePath: debianChromium } : {}),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'preview', testDir: 'test/e2e', testMatch: '**/*.e2e.ts' },
    { name: 'electron', testDir: 'test/electron', testMatch: '**/*.e2e.ts' },
    // The installed app from `npm run dist`: only `npm run test:packaged` runs it (GitHub's CI matrix).
    { name: 'packaged', testDir: 'test/packaged', testMatch: '**/*.e2e.ts' },
  ],
});
