// `npx tsx scripts/screenshots.ts [outDir]`: screenshots of every screen in light and dark, over a
// temporary database holding the demo learner, for a person to look at. Not part of the tests.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { startPreviewProcess } from '../test/e2e/fixtures';

const outDir = path.resolve(process.argv[2] ?? path.join(tmpdir(), 'companion-shots'));
mkdirSync(outDir, { recursive: true });
// The demo learner: about four months in, so every screen has something to show.
const preview = await startPreviewProcess(
  path.join(mkdtempSync(path.join(tmpdir(), 'companion-shots-')), 'companion.db'),
  ['--demo'],
);
const browser = await chromium.launch(config.use?.launchOptions);
try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, colorScheme: scheme });
    for (const [name, hash] of [
      ['roadmap', '#/roadmap'],
      ['item', '#/item/4.3'],
      ['log', '#/log'],
      ['insights', '#/insights'],
      ['settings', '#/settings'],
      ['portfolio', '#/portfolio'],
      ['milestones', '#/milestones'],
    ] as const) {
      await page.goto(`${preview.url}${hash}`);
      await page.waitForSelector('main h1');
      await page.waitForTimeout(1800); // recharts animates for about 1.5 s
      // The app scrolls inside its content pane, so a tall window shows a whole screen at once.
      await page.setViewportSize({ width: 1280, height: name === 'item' ? 1100 : 2000 });
      await page.screenshot({ path: path.join(outDir, `${name}-${scheme}.png`) });
    }
    await page.close();
  }
  console.log(`Screenshots in ${outDir}`);
} finally {
  await browser.close();
  await preview.stop();
}
