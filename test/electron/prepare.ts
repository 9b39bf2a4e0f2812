// Getting Electron ready for the _electron tests, as npm start does: Electron 45 fetches its binary
// on first use (never at install), so a missing binary is downloaded here, and the database module
// is built for Electron's ABI once. Only when that fails are the tests skipped, saying why; with
// COMPANION_REQUIRE_ELECTRON=1 (GitHub's CI, where Electron can always be had) they fail instead,
// so a job can never pass having tested nothing in Electron.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { nativeBuildPlan } from '../../scripts/build-native-electron.mjs';
import { electronBinaryStatus } from '../../scripts/electron-status.mjs';
import { downloadFailureReason } from '../../scripts/start-plan.mjs';

export type StepOutcome = { ok: true } | { ok: false; reason: string };
export type ElectronTestDecision = { run: true } | { run: false; skip: string } | { run: false; fail: string };

/** What to do with the _electron tests, from what preparing Electron gave. */
export function electronTestDecision(
  binary: StepOutcome,
  native: StepOutcome | null,
  required: boolean,
): ElectronTestDecision {
  const problem = !binary.ok
    ? `Electron's binary could not be had here (${binary.reason})`
    : native && !native.ok
      ? `the database module could not be built for Electron (${native.reason})`
      : null;
  if (!problem) return { run: true };
  if (required)
    return { run: false, fail: `The _electron tests must run here (COMPANION_REQUIRE_ELECTRON=1), but ${problem}.` };
  return {
    run: false,
    skip: `${problem[0]!.toUpperCase()}${problem.slice(1)}: the _electron tests run where it can be, e.g. GitHub Actions.`,
  };
}

const root = path.resolve(import.meta.dirname, '../..');
const PREPARED = 'COMPANION_ELECTRON_PREPARED';

/**
 * Downloads and builds what is missing, once per test run: Playwright loads test files in its
 * runner and again in each worker, and the workers inherit the runner's environment.
 */
export function prepareElectron(): ElectronTestDecision {
  const required = process.env.COMPANION_REQUIRE_ELECTRON === '1';
  const cached = process.env[PREPARED];
  if (cached) return JSON.parse(cached) as ElectronTestDecision;
  let binary: StepOutcome = { ok: true };
  if (!electronBinaryStatus(root).installed) {
    console.log('Downloading Electron for the _electron tests (first run only, about 100 MB)…');
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
      encoding: 'utf8',
    });
    binary =
      result.status === 0 && electronBinaryStatus(root).installed
        ? { ok: true }
        : { ok: false, reason: downloadFailureReason(`${result.stderr}${result.stdout}`) };
  }
  let native: StepOutcome | null = null;
  if (binary.ok && !nativeBuildPlan(root).upToDate) {
    console.log('Building the database module for Electron (first run only, about a minute)…');
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-native-electron.mjs')], {
      encoding: 'utf8',
    });
    native =
      result.status === 0
        ? { ok: true }
        : { ok: false, reason: downloadFailureReason(`${result.stderr}${result.stdout}`) };
  }
  const decision = electronTestDecision(binary, native, required);
  process.env[PREPARED] = JSON.stringify(decision);
  return decision;
}
