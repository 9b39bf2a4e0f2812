// The packaged app, as a learner installs it (the unpacked output of `npm run dist`, fuses flipped):
// it opens, draws the Roadmap, logs an entry, keeps it across a restart, and exports the PDF. Run
// by `npm run test:packaged` on GitHub's runners after `npm run dist`; it fails (never skips) when
// there is no packaged app.
//
// Playwright's `_electron.launch` cannot drive this build: it needs Node's --inspect, which the
// EnableNodeCliInspectArguments fuse turns off on purpose (Playwright's Electron docs, "Known
// issues"). Chromium's own --remote-debugging-port still works, so the test starts the executable
// itself and connects over the DevTools protocol.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { findPackagedExecutable } from './executable';

const releaseDir = path.resolve(import.meta.dirname, '../../release');

interface Running {
  child: ChildProcess;
  browser: Browser;
  page: Page;
  startedAt: number;
}

async function launchPackaged(executable: string, dataDir: string, saveDir: string): Promise<Running> {
  const startedAt = performance.now();
  const child = spawn(
    executable,
    ['--remote-debugging-port=0', ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    {
      env: { ...process.env, COMPANION_DATA_DIR: dataDir, COMPANION_E2E: '1', COMPANION_E2E_SAVE_DIR: saveDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The packaged app printed no DevTools address in 60 s:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once(
      'exit',
      (code) => (clearTimeout(timer), reject(new Error(`The packaged app exited with ${code}:\n${output}`))),
    );
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const appPage = () =>
    browser
      .contexts()
      .flatMap((c) => c.pages())
      .find((p) => p.url().startsWith('app://companion/'));
  await expect.poll(() => appPage() !== undefined, { timeout: 30_000 }).toBe(true);
  const page = appPage()!;
  return { child, browser, page, startedAt };
}

async function stop(app: Running) {
  await app.browser.close().catch(() => {});
  const exited = new Promise((resolve) => app.child.once('exit', resolve));
  app.child.kill();
  await exited;
}

test('the packaged app opens on the Roadmap, keeps an entry across a restart, and exports the PDF', async () => {
  test.setTimeout(240_000);
  const found = findPackagedExecutable(releaseDir, process.platform);
  if (found.file === null)
    throw new Error(`No packaged app to test: run \`npm run dist\` first (looked for ${found.lookedFor.join(', ')}).`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'companion-packaged-'));
  const saveDir = mkdtempSync(path.join(tmpdir(), 'companion-packaged-pdf-'));
  try {
    const first = await launchPackaged(found.file, dataDir, saveDir);
    try {
      const { page } = first;
      await expect(page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('path.bar-range')).toHaveCount(24, { timeout: 60_000 });
      console.log(
        `Packaged app (${process.platform}): launch to the Roadmap drawn in ${Math.round(performance.now() - first.startedAt)} ms`,
      );
      await expect(page.locator('.item-row')).toHaveCount(24);
      // Through the real preload, IPC, handlers and the Electron build of SQLite inside the package.
      const logged = await page.evaluate(() => {
        const end = Date.now() - 60_000;
        return (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke(
          'time.add',
          { itemId: '1.1', startedAt: end - 45 * 60_000, endedAt: end, note: 'Packaged smoke test' },
        );
      });
      expect(logged).toMatchObject({ ok: true });
    } finally {
      await stop(first);
    }

    const second = await launchPackaged(found.file, dataDir, saveDir);
    try {
      const { page } = second;
      await page.evaluate(() => (location.hash = '#/log'));
      await expect(page.getByTestId('time-entry')).toHaveCount(1, { timeout: 30_000 });
      await expect(page.getByTestId('time-entry')).toContainText('Packaged smoke test');

      await page.evaluate(() => (location.hash = '#/portfolio'));
      await page.getByRole('button', { name: /^Export PDF/ }).click();
      await expect(page.getByText(/^Saved .+\.pdf: \d+ pages?\.$/)).toBeVisible({ timeout: 60_000 });
      const pdfs = readdirSync(saveDir).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(1);
      expect(readFileSync(path.join(saveDir, pdfs[0]!)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await stop(second);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(saveDir, { recursive: true, force: true });
  }
});
