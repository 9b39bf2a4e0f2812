// `npm run bench`: the performance budgets, each measured as a ratio against its floor where there
// is one. Seeds a database with 100,000 time entries (bench/seed.ts), measures, prints a table and
// writes bench/results.json; exits 1 when a budget is missed. Not part of `npm test`: it takes
// about a minute and wants a quiet machine.
process.env.TZ = 'Europe/Berlin'; // local days (Insights) fall the same way on every machine

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { getCurriculum } from '../curriculum';
import { benchBundle } from './bundle';
import { benchGitRead } from './git';
import type { benchStats } from './handlers';
import { buildHost, startHost, type Host } from './host-client';
import { figure, missed, table, type Section } from './lib';
import { benchImport } from './import';
import { benchDashboardPaint } from './paint';
import { benchPdfExport } from './pdf';
import { seedBenchDatabase, type SeedSummary } from './seed';
import { benchSyncApply, benchSyncYear } from './sync';

const root = path.resolve(import.meta.dirname, '..');
const RENDERER_DIR = path.join(root, 'dist', 'renderer');
const BARE_DIR = path.join(root, 'bench', 'bare', 'dist');
/** Inside the repository (gitignored), so the handler process's bundle finds node_modules. */
const BUILD_DIR = path.join(root, 'bench', '.build');
const RESULTS_FILE = path.join(root, 'bench', 'results.json');

const MB = 1_000_000;
const rounded = (loads: number[]) => loads.map((l) => Math.round(l * 100) / 100);

function step(label: string) {
  console.log(`· ${label}`);
}

/** `vite build` in a child process. */
function viteBuild(args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'error', ...args], {
    cwd: root,
    stdio: 'inherit',
    // The renderer's config imports without file extensions, which Vite's future native loader will not
    // take; its notice about that says nothing about performance.
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  if (result.status !== 0) throw new Error(`vite build ${args.join(' ')} failed (exit ${result.status}).`);
}

async function main() {
  const started = performance.now();
  const loadAtStart = loadavg();
  const work = mkdtempSync(path.join(tmpdir(), 'companion-bench-'));
  const sections: Record<string, Section> = {};
  let seed: SeedSummary;
  let host: Host | null = null;
  try {
    step('building the renderer, the bare page (vite build) and the handler process (esbuild)');
    viteBuild([]);
    viteBuild(['--config', path.join('bench', 'bare', 'vite.config.ts')]);
    const hostBundle = await buildHost(root, BUILD_DIR);

    step('seeding 100,000 time entries');
    const dbFile = path.join(work, 'bench.db');
    seed = seedBenchDatabase(dbFile, getCurriculum());
    console.log(
      `  ${seed.entries.toLocaleString('en')} entries on ${seed.studyDays} days, ${seed.firstDay} to ${seed.lastDay}, ${seed.hours.toLocaleString('en')} h`,
    );

    // The import's own copy, taken before the handler process opens (and writes to) the original.
    const importDbFile = path.join(work, 'import-bench.db');
    copyFileSync(dbFile, importDbFile);

    host = startHost(hostBundle);
    step('timeAdd: 10,000 × time.add and 10,000 × a raw INSERT');
    sections.timeAdd = await host.call<Section>({
      type: 'timeAdd',
      dbFile,
      scratchFile: path.join(work, 'time-add.db'),
    });

    step('syncApply: 10,000 changes from another machine through the sync folder, 7 times, against plain INSERTs');
    sections.syncApply = {
      ...benchSyncApply(work, getCurriculum()),
      ...benchSyncYear(work, getCurriculum()),
    };

    step('gitRead: a linked repository of 10,000 commits, read 5 times (made once into bench/.build/)');
    sections.gitRead = await benchGitRead(BUILD_DIR, work, getCurriculum());

    step('roadmapStats and insightsStats: 50 runs each against the plain GROUP BY');
    const stats = await host.call<ReturnType<typeof benchStats>>({ type: 'stats', dbFile });
    sections.roadmapStats = stats.roadmapStats;
    sections.insightsStats = stats.insightsStats;

    const appUrl = await host.call<string>({ type: 'serve', dbFile, rendererDir: RENDERER_DIR });
    step('dashboardPaint: 10 cold loads of the app and of the bare page in headless Chromium');
    const bareDir = path.join(work, 'bare');
    mkdirSync(bareDir);
    sections.dashboardPaint = await benchDashboardPaint({
      appUrl,
      bareDbFile: path.join(bareDir, 'bare.db'),
      bareDir: BARE_DIR,
    });

    step('pdfExport: the portfolio PDF, 5 times');
    sections.pdfExport = await benchPdfExport(host, appUrl, work);

    step('importToMapping: a 20,000-row Toggl report to the mapping screen, 5 times');
    sections.importToMapping = await benchImport(importDbFile, RENDERER_DIR, getCurriculum());

    step('bundle: what the renderer loads before its first paint');
    sections.bundle = benchBundle(RENDERER_DIR);

    const { peakRss, maxRss } = await host.call<{ peakRss: number; maxRss: number }>({ type: 'memory' });
    sections.memory = {
      peakRss: figure(
        peakRss / MB,
        'MB',
        { op: '<', limit: 120 },
        'the handler process (handlers, 100k database, the preview serving the pages and PDFs above): process.memoryUsage.rss(), sampled through the run',
      ),
      maxRss: figure(
        maxRss / MB,
        'MB',
        null,
        'the same process: process.resourceUsage().maxRSS, the kernel’s high-water mark',
      ),
    };
  } finally {
    await host?.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const failures = missed(sections);
  const results = {
    generatedAt: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      loadAverage: { start: rounded(loadAtStart), end: rounded(loadavg()) },
    },
    timeZone: process.env.TZ,
    seed,
    budgetsHold: failures.length === 0,
    missed: failures,
    ...sections,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\n${table(sections)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  // Other work on the machine shows in every absolute figure: say how busy it was.
  console.log(
    `Load average (1, 5, 15 min): ${rounded(loadAtStart).join(', ')} at the start, ${rounded(loadavg()).join(', ')} at the end; ${cpus().length} CPUs.`,
  );
  const where = path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE;
  if (failures.length) {
    console.log(`Budgets missed: ${failures.join(', ')}. Results in ${where} (${seconds} s).`);
    process.exitCode = 1;
  } else {
    console.log(`Every budget holds. Results in ${where} (${seconds} s).`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(2);
});
