import { chromium } from '@playwright/test';
import config from '../playwright.config';
import { startPreview } from '../preview/server';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_NOW, seedBenchDatabase } from './seed';
import { getCurriculum } from '../curriculum';
import { printHash } from '../shared/print';
import { READ_READY_SCRIPT } from '../electron/export/print-ready';
const dir = mkdtempSync('/tmp/bx/p-');
const db = path.join(dir, 'x.db');
seedBenchDatabase(db, getCurriculum());
const p = await startPreview({ dbFile: db, rendererDir: 'dist/renderer', now: () => BENCH_NOW });
const b = await chromium.launch(config.use?.launchOptions);
const target = process.argv[2] === 'app' ? p.url : `${p.url}${printHash('A4')}`;
for (let i = 0; i < 2; i++) {
  const ctx = await b.newContext({ viewport: { width: 900, height: 1200 }, colorScheme: 'light' });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.execute,blink,disabled-by-default-devtools.timeline', transferMode: 'ReturnAsStream' });
  await page.goto(target);
  if (process.argv[2] === 'app') await page.waitForFunction(() => document.querySelectorAll('[data-testid=roadmap-chart] path.bar-range').length === 24);
  else while ((await page.evaluate(READ_READY_SCRIPT)) !== 'true') await new Promise((r) => setTimeout(r, 20));
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: any) => resolve(e.stream)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let data = '';
  for (;;) { const r: any = await cdp.send('IO.read', { handle: stream }); data += r.data; if (r.eof) break; }
  if (i === 1) writeFileSync('/tmp/bx/trace.json', data);
  await ctx.close();
}
await b.close();
await p.close(); rmSync(dir, { recursive: true });
