import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainNativeLoadFailure, pickNativeBinding } from '../../electron/native-binding';

const repo = path.resolve('/home/learner/companion');
const electronBuild = path.join(repo, 'build-electron', 'better_sqlite3.node');

describe('pickNativeBinding', () => {
  it('uses the Electron build inside Electron when it exists', () => {
    expect(pickNativeBinding({ isElectron: true, appRoot: repo, exists: (f) => f === electronBuild })).toBe(
      electronBuild,
    );
  });

  it('falls back to the default (Node) build when there is no Electron build', () => {
    expect(pickNativeBinding({ isElectron: true, appRoot: repo, exists: () => false })).toBeUndefined();
  });

  it('never uses the Electron build in plain Node (vitest, the preview)', () => {
    expect(pickNativeBinding({ isElectron: false, appRoot: repo, exists: () => true })).toBeUndefined();
  });

  it('looks next to the archive first in a packaged app', () => {
    const asar = path.resolve('/opt/MLOps Study Companion/resources/app.asar');
    const unpacked = path.join(`${asar}.unpacked`, 'build-electron', 'better_sqlite3.node');
    const packed = path.join(asar, 'build-electron', 'better_sqlite3.node');
    expect(pickNativeBinding({ isElectron: true, appRoot: asar, exists: () => true })).toBe(unpacked);
    expect(pickNativeBinding({ isElectron: true, appRoot: asar, exists: (f) => f === packed })).toBe(packed);
  });
});

describe('explainNativeLoadFailure', () => {
  it('adds what to do when the Node build was loaded in Electron', () => {
    const message =
      "The data file /x/companion.db could not be opened: The module '/x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 139.";
    const explained = explainNativeLoadFailure(message);
    expect(explained.startsWith(message)).toBe(true);
    expect(explained).toContain(
      `built for Node.js, not for Electron. Build it for Electron into ${path.join('build-electron', 'better_sqlite3.node')}`,
    );
    expect(explained).toMatch(/Your data was not touched\.$/);
  });

  it('leaves every other message as it is', () => {
    const message =
      'The data file /x/companion.db is not a study-companion database (it is not SQLite). It was left untouched.';
    expect(explainNativeLoadFailure(message)).toBe(message);
  });
});
