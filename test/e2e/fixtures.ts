// Each test gets its own temporary data folder and its own preview process, driven in Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');

export interface PreviewProcess {
  url: string;
  dbFile: string;
  stop: () => Promise<void>;
}

/** Starts `preview/cli.ts` on a free port over `dbFile` and waits for its ready line. */
export async function startPreviewProcess(dbFile: string, extraArgs: readonly string[] = []): Promise<PreviewProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      path.join(root, 'preview/cli.ts'),
      '--db',
      dbFile,
      '--port',
      '0',
      ...extraArgs,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Preview ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dbFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * `npm run coverage` (scripts/coverage.mjs) sets COMPANION_COVERAGE_DIR: then a page records which of
 * the renderer's bundled code Chromium ran, for the script to map back to renderer/ and shared/
 * through the build's source maps. Returns what saves the record (`label` tells two pages of one
 * test apart); without the variable it does nothing.
 */
export async function recordCoverage(page: Page): Promise<(testInfo: TestInfo, label?: string) => Promise<void>> {
  const dir = process.env.COMPANION_COVERAGE_DIR;
  if (!dir) return async () => {};
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  return async (testInfo, label = 'page') => {
    const entries = (await page.coverage.stopJSCoverage())
      .filter((entry) => /^http:\/\/[^/]+\/assets\/[^/]+\.js$/.test(entry.url)) // not page.evaluate()'s code
      .map(({ url, functions }) => ({ url, functions }));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${testInfo.testId}-${label}-${testInfo.retry}.json`), JSON.stringify(entries));
  };
}

export const test = base.extend<{ dataDir: string; preview: PreviewProcess }>({
  page: async ({ page }, use, testInfo) => {
    const save = await recordCoverage(page);
    await use(page);
    await save(testInfo);
  },
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'companion-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  preview: async ({ dataDir }, use) => {
    const preview = await startPreviewProcess(path.join(dataDir, 'companion.db'));
    await use(preview);
    await preview.stop();
  },
});

/** No serious or critical accessibility violations on the page as it stands. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}) on ${what}: ${v.help}\n  ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n  ')}`,
    ),
  ).toEqual([]);
}

export { expect };
