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
import { buildElectron, electronEntries } from './build-electron.mjs';

const { mergeScriptCovs } = v8Coverage;
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'coverage');
const browserDir = path.join(outDir, 'browser');
const nodeDir = path.join(outDir, 'bundles');
// The tests that run the main-process and preload bundles (see bundleCoverage).
const BUNDLE_TESTS = ['test/unit/main-process.test.ts', 'test/unit/preload-bundle.test.ts'];
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
  console.log(
    `== ${what}: ${result.status === 0 ? 'done' : `failed (exit ${result.status ?? result.signal})`} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
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
    const code = existsSync(file) ? readFileSync(file, 'utf8') : '';
    // The top-level function spans the whole script: a rebuilt bundle would map to the wrong lines.
    if (scripts.some((s) => s.functions[0]?.ranges[0]?.endOffset !== code.length)) {
      console.warn(
        `Not counted: ${asset}, no longer the build the pages ran (dist/renderer was rebuilt during the run).`,
      );
      continue;
    }
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

// test/support/run-bundle.ts runs a bundle with `new Function(...params, code)`; V8 compiles that as
// this wrapper around the code, with no URL: a script is known as a bundle by its exact length.
const FUNCTION_WRAPPER = '(function anonymous(require,module,exports,__filename,__dirname,process\n) {\n';
const FUNCTION_END = '\n})';

/** main.ts and preload.ts run in the tests only as the esbuild bundles the app ships, evaluated in
 * Node against a stand-in Electron: Node's own V8 coverage of those scripts, mapped back. */
async function bundleCoverage() {
  const map = libCoverage.createCoverageMap({});
  if (!existsSync(nodeDir)) return map;
  await buildElectron(); // the same bundles the tests build in memory, with their source maps on disk
  const bundles = electronEntries.map(({ out }) => {
    const file = path.join(root, out);
    const code = readFileSync(file, 'utf8');
    return { file, code, length: FUNCTION_WRAPPER.length + code.length + FUNCTION_END.length, scripts: [] };
  });
  for (const name of readdirSync(nodeDir)) {
    for (const script of JSON.parse(readFileSync(path.join(nodeDir, name), 'utf8')).result) {
      const bundle = !script.url && bundles.find((b) => b.length === script.functions[0]?.ranges[0]?.endOffset);
      if (bundle) bundle.scripts.push({ ...script, scriptId: '0' });
    }
  }
  for (const { file, code, scripts } of bundles) {
    if (!scripts.length) {
      console.warn(
        `No coverage of ${path.relative(root, file)}: its tests did not run it, or ran another build of it.`,
      );
      continue;
    }
    const data = await convert({
      code,
      wrapperLength: FUNCTION_WRAPPER.length,
      ast: await parseAstAsync(code),
      sourceMap: JSON.parse(readFileSync(`${file}.map`, 'utf8')),
      coverage: { url: pathToFileURL(file).href, functions: mergeScriptCovs(scripts).functions },
    });
    map.merge(scoped(data));
  }
  return map;
}

/** Lines run / lines with code, per area and in all. */
function lineFigures(files) {
  const figures = Object.fromEntries([...AREAS, 'all'].map((k) => [k, { covered: 0, total: 0 }]));
  for (const { file, covered, total } of files) {
    for (const key of [file.split(path.sep)[0], 'all']) {
      figures[key].covered += covered;
      figures[key].total += total;
    }
  }
  return figures;
}

/** [3, 4, 5, 9] → "3-5, 9" */
const ranges = (lines) =>
  lines
    .reduce((out, l) => (out.length && out.at(-1)[1] === l - 1 ? (out.at(-1)[1] = l) : out.push([l, l]), out), [])
    .map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`))
    .join(', ');

const percent = ({ covered, total }) => (total ? (100 * covered) / total : 100).toFixed(1);

async function main() {
  const started = Date.now();
  let [unitOk, buildOk, e2eOk] = [true, true, true];
  // --report-only reports again from the last run's raw data (when changing this script).
  if (!process.argv.includes('--report-only')) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(browserDir, { recursive: true });
    const bin = (p) => path.join(root, 'node_modules', p);
    // Coverage slows the tests: those on vitest's 5 s default get 20 s.
    unitOk = run('vitest with coverage', [
      bin('vitest/vitest.mjs'),
      'run',
      '--coverage.enabled',
      '--testTimeout',
      '20000',
    ]);
    // Again for the bundles' tests, with Node's coverage rather than vitest's: vitest's only knows
    // the modules it loaded itself, not code evaluated from a string.
    const bundlesOk = run(
      "the bundles' tests with Node's coverage",
      [bin('vitest/vitest.mjs'), 'run', ...BUNDLE_TESTS],
      { NODE_V8_COVERAGE: nodeDir },
    );
    unitOk &&= bundlesOk;
    // Not minified, so the bundle keeps one statement per source statement for the mapping back.
    // dist/renderer is a build output every command that serves it rebuilds (npm test, start, preview).
    buildOk = run('renderer build with source maps', [
      bin('vite/bin/vite.js'),
      'build',
      '--minify',
      'false',
      '--logLevel',
      'warn',
    ]);
    // Recording coverage slows the pages; on a busy machine one test went over its minute.
    e2eOk =
      buildOk &&
      run(
        'Playwright tests in Chromium with coverage',
        [bin('@playwright/test/cli.js'), 'test', '--project', 'preview', '--timeout', '120000'],
        { COMPANION_COVERAGE_DIR: browserDir },
      );
  }

  const map = libCoverage.createCoverageMap({});
  const vitestJson = path.join(outDir, 'vitest/coverage-final.json');
  if (existsSync(vitestJson)) map.merge(scoped(JSON.parse(readFileSync(vitestJson, 'utf8'))));
  map.merge(await browserCoverage());
  map.merge(await bundleCoverage());

  // The two sides count statements at slightly different places (vitest's transform and the
  // production bundle), so after the merge only lines mean the same on both: the terminal shows
  // lines; the HTML report marks the lines not run (its other columns count both sides' statements).
  const context = libReport.createContext({
    dir: outDir,
    coverageMap: map,
    defaultSummarizer: 'nested',
    sourceFinder: (f) => readFileSync(f, 'utf8'),
  });
  reports.create('html').execute(context);

  const files = map
    .files()
    .map((f) => {
      const lines = map.fileCoverageFor(f).getLineCoverage();
      const missed = Object.keys(lines)
        .filter((l) => lines[l] === 0)
        .map(Number);
      const total = Object.keys(lines).length;
      return { file: path.relative(root, f), total, covered: total - missed.length, missed };
    })
    .sort((a, b) => a.covered / a.total - b.covered / b.total);
  console.log('\nFiles under 90% of lines (lines not run):');
  for (const f of files.filter((x) => x.covered < 0.9 * x.total))
    console.log(`  ${percent(f).padStart(5)}%  ${f.file}  ${ranges(f.missed)}`);

  const figures = lineFigures(files);
  console.log(
    `\nLine coverage (vitest + Chromium): ${percent(figures.all)}% (${figures.all.covered}/${figures.all.total} lines)`,
  );
  for (const area of AREAS)
    console.log(`  ${area}/: ${percent(figures[area])}% (${figures[area].covered}/${figures[area].total})`);
  const under = files.filter((f) => f.covered < 0.6 * f.total);
  if (under.length) console.log(`Files under 60%: ${under.map((f) => f.file).join(', ')}`);
  console.log(
    `Report: ${path.relative(root, path.join(outDir, 'index.html'))}; took ${Math.round((Date.now() - started) / 1000)} s`,
  );

  const failed = [!unitOk && 'vitest', !buildOk && 'the renderer build', !e2eOk && 'the Playwright tests'].filter(
    Boolean,
  );
  if (failed.length) {
    console.error(`Not every test ran to success (${failed.join(', ')}): the figure counts only what ran.`);
    process.exitCode = 1;
  }
}

await main();
