// npm start's decisions (scripts/start-plan.mjs) with every effect stood in: what it downloads and
// builds when, what the learner reads, and when it serves the browser version instead.
import { describe, expect, it } from 'vitest';
import { copiesNodeBuild } from '../../scripts/build-native-electron.mjs';
import { desktopUnavailable, downloadFailureReason, startApp } from '../../scripts/start-plan.mjs';

type Machine = {
  installed?: boolean;
  downloadWorks?: boolean;
  nativeBuilt?: boolean;
  nativeWorks?: boolean;
  buildWorks?: boolean;
  argv?: string[];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
};

async function start(machine: Machine = {}) {
  const done: string[] = [];
  const said: string[] = [];
  let installed = machine.installed ?? false;
  let nativeBuilt = machine.nativeBuilt ?? false;
  let clock = 0;
  const code = await startApp({
    argv: machine.argv ?? [],
    platform: machine.platform ?? 'linux',
    env: machine.env ?? { DISPLAY: ':0' },
    electronVersion: '45.5.0',
    now: () => (clock += 21_000),
    say: (line) => said.push(line),
    complain: (line) => said.push(`! ${line}`),
    build: async () => (
      done.push('build'),
      machine.buildWorks === false ? { ok: false, output: 'vite: error in App.tsx\n' } : { ok: true }
    ),
    electronStatus: () =>
      installed
        ? { installed: true, binary: '/e/electron' }
        : { installed: false, missing: 'node_modules/electron/dist' },
    downloadElectron: async () => {
      done.push('download');
      if (machine.downloadWorks === false) return { ok: false, reason: 'no connection to its download server' };
      installed = true;
      return { ok: true };
    },
    nativeUpToDate: () => nativeBuilt,
    buildNative: async () => {
      done.push('native');
      if (machine.nativeWorks === false) return { ok: false, reason: 'no connection to its download server' };
      nativeBuilt = true;
      return { ok: true };
    },
    launchElectron: async (binary) => (done.push(`electron ${binary}`), 0),
    serveInBrowser: async (reason) => (done.push(`browser: ${reason}`), 0),
  });
  return { code, done, said };
}

describe('npm start', () => {
  it('on a fresh laptop: builds, downloads Electron saying so, builds the database module, opens the app', async () => {
    const { code, done, said } = await start();
    expect(code).toBe(0);
    expect(done).toEqual(['build', 'download', 'native', 'electron /e/electron']);
    expect(said).toEqual([
      'Downloading Electron 45.5.0 for this computer (first start only, about 100 MB)…',
      'Electron 45.5.0 downloaded in 21 s.',
      'Building the database module for Electron 45.5.0 (first start only, about a minute)…',
    ]);
  });

  it('on the next start: downloads and builds nothing, says nothing', async () => {
    const { done, said } = await start({ installed: true, nativeBuilt: true });
    expect(done).toEqual(['build', 'electron /e/electron']);
    expect(said).toEqual([]);
  });

  it('offline: says why in one sentence and serves the browser version', async () => {
    const { done, said } = await start({ downloadWorks: false });
    expect(done).toEqual([
      'build',
      'download',
      'browser: Electron 45.5.0 could not be downloaded (no connection to its download server)',
    ]);
    expect(said).toEqual(['Downloading Electron 45.5.0 for this computer (first start only, about 100 MB)…']);
  });

  it('when the database module cannot be built for Electron, serves the browser version', async () => {
    const { done } = await start({ installed: true, nativeWorks: false });
    expect(done).toEqual([
      'build',
      'native',
      'browser: The database module could not be built for Electron (no connection to its download server)',
    ]);
  });

  it('on a Linux machine without a display, or with --browser, goes straight to the browser version', async () => {
    expect((await start({ env: {} })).done).toEqual(['build', 'browser: There is no display here to open a window on']);
    expect((await start({ env: { WAYLAND_DISPLAY: 'wayland-0' }, installed: true, nativeBuilt: true })).done).toEqual([
      'build',
      'electron /e/electron',
    ]);
    expect((await start({ env: {}, platform: 'darwin', installed: true, nativeBuilt: true })).done).toEqual([
      'build',
      'electron /e/electron',
    ]);
    expect((await start({ argv: ['--browser'], installed: true })).done).toEqual([
      'build',
      'browser: You asked for the browser version',
    ]);
  });

  it("when the app does not build, shows the build's output and stops with 1", async () => {
    const { code, done, said } = await start({ buildWorks: false });
    expect(code).toBe(1);
    expect(done).toEqual(['build']);
    expect(said).toEqual(['! The app could not be built, so it cannot start:\nvite: error in App.tsx']);
  });
});

describe('downloadFailureReason', () => {
  it('says "no connection" for network errors, in whatever form the installer prints them', () => {
    expect(downloadFailureReason('TypeError: fetch failed\n    at node:internal/deps/undici')).toBe(
      'no connection to its download server',
    );
    expect(downloadFailureReason('Error: getaddrinfo ENOTFOUND github.com')).toBe(
      'no connection to its download server',
    );
  });
  it('names a checksum mismatch, and otherwise gives the first line without a stack', () => {
    expect(downloadFailureReason('Error: Generated checksum for "electron.zip" did not match')).toBe(
      'the download was damaged: its checksum did not match',
    );
    expect(downloadFailureReason('Error: Electron builds are not available on platform: aix\n    at x (y:1:2)')).toBe(
      'Electron builds are not available on platform: aix',
    );
    expect(downloadFailureReason('')).toBe('the installer gave no reason');
  });
});

describe('desktopUnavailable', () => {
  it('is null where a window can open', () => {
    expect(desktopUnavailable({ argv: [], platform: 'win32', env: {} })).toBeNull();
    expect(desktopUnavailable({ argv: [], platform: 'linux', env: { DISPLAY: ':1' } })).toBeNull();
  });
});

describe('the Electron build of the database module', () => {
  it("leaves out the package's own build/ wherever the checkout lives, even under a folder named build", () => {
    const pkg = '/home/ada/build/companion/node_modules/better-sqlite3';
    expect(copiesNodeBuild(pkg, `${pkg}/build`)).toBe(true);
    expect(copiesNodeBuild(pkg, `${pkg}/build/Release/better_sqlite3.node`)).toBe(true);
    expect(copiesNodeBuild(pkg, `${pkg}/src/better_sqlite3.cpp`)).toBe(false);
    expect(copiesNodeBuild(pkg, pkg)).toBe(false);
    expect(copiesNodeBuild(pkg, `${pkg}/deps/sqlite3/sqlite3.c`)).toBe(false);
  });
});
