// What every _electron test file shares: get Electron ready (prepare.ts: download on first use,
// the Electron build of the database module; skip saying why, or fail where it is required), bundle
// the current main and preload once, give each test its own data folder, and launch the app on it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, test, type ElectronApplication } from '@playwright/test';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { prepareElectron } from './prepare';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const decision = prepareElectron();
// Thrown while the file loads, so the run fails: a skip must never pass CI where Electron exists.
if (!decision.run && 'fail' in decision) throw new Error(decision.fail);
const skipReason = !decision.run && 'skip' in decision ? decision.skip : null;

/** Call at the top of a test file; `dataDir()` is the running test's data folder (COMPANION_DATA_DIR). */
export function electronTests(name: string): { launch: () => Promise<ElectronApplication>; dataDir: () => string } {
  if (skipReason) console.log(`Skipping test/electron/${name}: ${skipReason}`);
  test.skip(skipReason !== null, skipReason ?? '');

  test.beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` before the Electron tests.');
    }
    // Always test the current main and preload: bundling them takes a second.
    await buildElectron();
  });

  let dataDir = '';
  test.beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), `companion-${name}-`));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  return {
    dataDir: () => dataDir,
    launch: () => {
      // Linux CI runners often forbid the user namespaces Chromium's OS sandbox needs; the app's own
      // renderer sandbox (contextIsolation, sandboxed preload) still applies.
      const ciLinux = process.platform === 'linux' && Boolean(process.env.CI);
      return _electron.launch({
        args: [...(ciLinux ? ['--no-sandbox'] : []), '.'],
        cwd: repoRoot,
        // COMPANION_E2E: main exposes the tray's model, which Electron cannot read back.
        env: { ...process.env, COMPANION_DATA_DIR: dataDir, COMPANION_E2E: '1' },
      });
    },
  };
}
