// `npx tsx scripts/screenshots.ts [outDir]`: screenshots of every screen in light and dark, over a
// temporary database with a little data, for a person to look at. Not part of the tests.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { startPreviewProcess } from '../test/e2e/fixtures';

const outDir = path.resolve(process.argv[2] ?? path.join(tmpdir(), 'companion-shots'));
mkdirSync(outDir, { recursive: true });
const preview = await startPreviewProcess(path.join(mkdtempSync(path.join(tmpdir(), 'companion-shots-')), 'companion.db'));
const browser = await chromium.launch(config.use?.launchOptions);
try {
  const setup = await browser.newPage();
  await setup.goto(preview.url);
  // Calls go through the page's own bridge, exactly as the app makes them.
  const invoke = (channel: string, input: unknown) => setup.evaluate(([c, i]) => window.api!.invoke(c, i), [channel, input] as const);
  const hour = 3_600_000;
  const now = Date.now();
  const sessions = [['1.1', 20, 3], ['1.1', 19, 2.5], ['1.2', 15, 4], ['1.2', 12, 5.5], ['1.3', 8, 2], ['2.1', 2, 1.5], ['2.1', 1, 2]] as const;
  for (const [itemId, daysAgo, hours] of sessions) {
    const endedAt = now - daysAgo * 24 * hour;
    await invoke('time.add', { itemId, startedAt: endedAt - hours * hour, endedAt, note: itemId === '2.1' ? 'ColumnTransformer with OneHotEncoder' : '' });
  }
  await invoke('item.setStatus', { itemId: '1.1', status: 'done' });
  await invoke('item.setStatus', { itemId: '1.2', status: 'done' });
  await invoke('item.setStatus', { itemId: '1.3', status: 'skipped' });
  for (const entryIndex of [0, 1, 2]) await invoke('item.tickEntry', { itemId: '2.1', entryIndex, ticked: true });
  await invoke('item.setNotes', { itemId: '2.1', notes: 'Pipeline + GridSearchCV; remember to pickle with joblib.' });
  await invoke('timer.start', { itemId: '2.1' });
  await setup.close();
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, colorScheme: scheme });
    for (const [name, hash] of [['roadmap', '#/roadmap'], ['item', '#/item/2.1'], ['log', '#/log'], ['insights', '#/insights']] as const) {
      await page.goto(`${preview.url}${hash}`);
      await page.waitForSelector('main h1');
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(outDir, `${name}-${scheme}.png`), fullPage: name !== 'item' });
    }
    await page.close();
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await preview.stop();
}
