// `npm run coverage`: line coverage of electron/, shared/ and renderer/ together, from two runs:
//   1. vitest (unit + integration) with V8 coverage, written as istanbul JSON (vitest.config.ts);
//   2. the Playwright tests in Chromium (the preview project), each page recording the V8 coverage
//      of the renderer's bundle (test/e2e/fixtures.ts, when COMPANION_COVERAGE_DIR is set), mapped
//      back to renderer/ and shared/ through the build's source maps with the same converter vitest
//      uses (ast-v8-to-istanbul), so both sides count statements the same way.
// The two are merged by location (a line counts as run when either side ran it) and reported:
// a summary and a per-file table on the terminal, HTML in coverage/index.html.
// Exit code: non-zero when a test run failed (the figure is still printed, from what did run).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8Coverage from '@bcoe/v8-coverage';
import convert from 'ast-v8-to-istanbul';
import libCoverage from 'istanbul-lib-coverage';
import libReport from 'istanbul-lib-report';
import reports from 'istanbul-reports';
import { parseAstAsync } from 'vite';

const { mergeScriptCovs } = v8Coverage;
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'coverage');
const browserDir = path.join(outDir, 'browser');
const assetsDir = path.join(root, 'dist/renderer/assets');
const AREAS = ['electron', 'shared', 'renderer'];

/** The files the figure is about: the app's TypeScript in the three areas (tests live in test/). */
export const inScope = (file) => {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return AREAS.some((area) => rel.startsWith(`${area}/`)) && /\.tsx?$/.test(rel) && !rel.endsWith('.d.ts');
};

function run(what, args, env = {}) {
  const started = Date.now();
  console.log(`\n== ${what}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`== ${what}: ${result.status === 0 ? 'done' : `failed (exit ${result.status ?? result.signal})`} in ${Math.round((Date.now() - started) / 1000)} s`);
  return result.status === 0;
}

/** Keeps only the files the figure is about (istanbul's filter works in place). */
function scoped(data) {
  const map = libCoverage.createCoverageMap(data);
  map.filter(inScope);
  return map;
}

/** The Chromium side: every page's runs of one bundle file merged in V8's terms, then mapped back. */
async function browserCoverage() {
  const map = libCoverage.createCoverageMap({});
  if (!existsSync(browserDir)) return map;
  const byAsset = new Map();
  for (const name of readdirSync(browserDir)) {
    for (const entry of JSON.parse(readFileSync(path.join(browserDir, name), 'utf8'))) {
      const asset = path.basename(new URL(entry.url).pathname);
      if (!byAsset.has(asset)) byAsset.set(asset, []);
      byAsset.get(asset).push({ scriptId: '0', url: entry.url, functions: entry.functions });
    }
  }
  for (const [asset, scripts] of byAsset) {
    const file = path.join(assetsDir, asset);
    const code = readFileSync(file, 'utf8');
    const { functions } = mergeScriptCovs(scripts);
    const data = await convert({
      code,
      ast: await parseAstAsync(code),
      sourceMap: JSON.parse(readFileSync(`${file}.map`, 'utf8')),
      coverage: { url: pathToFileURL(file).href, functions },
    });
    map.merge(scoped(data));
  }
  return map;
}

/** Lines run / lines with code, per area and in all, from a merged map. */
function lineFigures(map) {
  const figures = Object.fromEntries([...AREAS, 'all'].map((k) => [k, { covered: 0, total: 0 }]));
  for (const file of map.files()) {
    const lines = map.fileCoverageFor(file).getLineCoverage();
    const area = path.relative(root, file).split(path.sep)[0];
    for (const key of [area, 'all']) {
      figures[key].total += Object.keys(lines).length;
      figures[key].covered += Object.values(lines).filter((hits) => hits > 0).length;
    }
  }
  return figures;
}

const percent = ({ covered, total }) => (total ? (100 * covered) / total : 100).toFixed(1);

async function main() {
  const started = Date.now();
  let [unitOk, buildOk, e2eOk] = [true, true, true];
  // --report-only reports again from the last run's raw data (when changing this script).
  if (!process.argv.includes('--report-only')) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(browserDir, { recursive: true });
    const bin = (p) => path.join(root, 'node_modules', p);
    unitOk = run('vitest with coverage', [bin('vitest/vitest.mjs'), 'run', '--coverage.enabled']);
    // Not minified, so the bundle keeps one statement per source statement for the mapping back.
    // dist/renderer is a build output every command that serves it rebuilds (npm test, start, preview).
    buildOk = run('renderer build with source maps', [bin('vite/bin/vite.js'), 'build', '--minify', 'false', '--logLevel', 'warn']);
    e2eOk =
      buildOk && run('Playwright tests in Chromium with coverage', [bin('@playwright/test/cli.js'), 'test', '--project', 'preview'], { COMPANION_COVERAGE_DIR: browserDir });
  }

  const map = libCoverage.createCoverageMap({});
  const vitestJson = path.join(outDir, 'vitest/coverage-final.json');
  if (existsSync(vitestJson)) map.merge(scoped(JSON.parse(readFileSync(vitestJson, 'utf8'))));
  map.merge(await browserCoverage());

  const context = libReport.createContext({ dir: outDir, coverageMap: map, defaultSummarizer: 'nested', sourceFinder: (f) => readFileSync(f, 'utf8') });
  for (const reporter of ['html', 'json-summary']) reports.create(reporter).execute(context);
  reports.create('text', { skipFull: true, maxCols: 120 }).execute(context);

  const figures = lineFigures(map);
  console.log(`\nLine coverage (vitest + Chromium): ${percent(figures.all)}% (${figures.all.covered}/${figures.all.total} lines)`);
  for (const area of AREAS) console.log(`  ${area}/: ${percent(figures[area])}% (${figures[area].covered}/${figures[area].total})`);
  const under = map
    .files()
    .map((f) => ({ f: path.relative(root, f), pct: map.fileCoverageFor(f).toSummary().lines.pct }))
    .filter(({ pct }) => pct < 60)
    .sort((a, b) => a.pct - b.pct);
  if (under.length) console.log(`Files under 60% of lines:\n${under.map(({ f, pct }) => `  ${f}: ${pct}%`).join('\n')}`);
  console.log(`Report: ${path.relative(root, path.join(outDir, 'index.html'))}; took ${Math.round((Date.now() - started) / 1000)} s`);

  const failed = [!unitOk && 'vitest', !buildOk && 'the renderer build', !e2eOk && 'the Playwright tests'].filter(Boolean);
  if (failed.length) {
    console.error(`Not every test ran to success (${failed.join(', ')}): the figure counts only what ran.`);
    process.exitCode = 1;
  }
}

await main();
