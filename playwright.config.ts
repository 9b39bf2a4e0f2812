import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './scripts/test-browser.mjs';

// A Chromium already on the machine (Debian's) where there is one, else Playwright's own; `npm test`
// makes sure one of them is there first (scripts/ensure-test-tools.mjs).
const executablePath = systemChromium();

// `npm run coverage` records each page's V8 coverage (test/e2e/fixtures.ts). Chromium gives each new
// document its own frame host (RenderDocument), and the coverage of the document before goes with
// it: after a reload only the last document's would count. Without RenderDocument one isolate keeps
// them all. Chromium reads only the last --disable-features, so this one repeats what Playwright
// turns off itself (its chromiumSwitches.ts, 1.65).
const coverageArgs = process.env.COMPANION_COVERAGE_DIR
  ? [
      '--disable-features=RenderDocument,AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
    ]
  : [];

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
      ...(executablePath ? { executablePath } : {}),
      args: [...CHROMIUM_ARGS, ...coverageArgs],
    },
  },
  projects: [
    { name: 'preview', testDir: 'test/e2e', testMatch: '**/*.e2e.ts' },
    { name: 'electron', testDir: 'test/electron', testMatch: '**/*.e2e.ts' },
    // The installed app from `npm run dist`: only `npm run test:packaged` runs it (GitHub's CI matrix).
    { name: 'packaged', testDir: 'test/packaged', testMatch: '**/*.e2e.ts' },
  ],
});
