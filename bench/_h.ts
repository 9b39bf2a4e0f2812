import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { getCurriculum } from '../curriculum';
import { openDatabase } from '../electron/db/open';
import { handlers } from '../electron/handlers';
import { contract } from '../shared/contract';
import { BENCH_NOW, seedBenchDatabase } from './seed';
const dir = mkdtempSync('/tmp/bx/h-');
const file = path.join(dir, 'x.db');
seedBenchDatabase(file, getCurriculum());
const db = openDatabase(file, getCurriculum());
const ctx = { db, curriculum: getCurriculum(), now: () => BENCH_NOW };
const med = (f: () => unknown, n = 20) => { f(); const xs: number[] = []; for (let i = 0; i < n; i++) { const t = performance.now(); f(); xs.push(performance.now() - t); } xs.sort((a, b) => a - b); return xs[n >> 1]!.toFixed(2); };
for (const ch of ['curriculum.get', 'settings.get', 'timer.current', 'progress.overview', 'stats.roadmap', 'portfolio.list', 'milestones.get', 'stats.insights'] as const) {
  const h = (handlers as any)[ch];
  const out = h(ctx, {});
  console.log(ch.padEnd(20), 'handler', med(() => h(ctx, {})), 'validate', med(() => (contract as any)[ch].output.safeParse(out)), 'json', med(() => JSON.stringify(out)), JSON.stringify(out).length);
}
