// `npm start` where Electron's binary is and isn't installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryStatus, missingBinaryMessage } from '../../scripts/electron-status.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const binaryHere = existsSync(path.join(repoRoot, 'node_modules', 'electron', 'dist'));

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function fakeRepo({ dist = false, pathTxt, binary }: { dist?: boolean; pathTxt?: string; binary?: string }) {
  const root = mkdtempSync(path.join(tmpdir(), 'companion-start-'));
  folders.push(root);
  const electron = path.join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  if (dist) mkdirSync(path.join(electron, 'dist'));
  if (pathTxt !== undefined) writeFileSync(path.join(electron, 'path.txt'), pathTxt);
  if (binary) {
    mkdirSync(path.dirname(path.join(electron, 'dist', binary)), { recursive: true });
    writeFileSync(path.join(electron, 'dist', binary), '');
  }
  return root;
}

describe('electronBinaryStatus', () => {
  it('finds the binary named by path.txt inside dist', () => {
    const root = fakeRepo({ dist: true, pathTxt: 'electron', binary: 'electron' });
    expect(electronBinaryStatus(root)).toEqual({ installed: true, binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron') });
  });

  it('handles the macOS layout and a trailing newline in path.txt', () => {
    const mac = 'Electron.app/Contents/MacOS/Electron';
    const root = fakeRepo({ dist: true, pathTxt: `${mac}\n`, binary: mac });
    expect(electronBinaryStatus(root)).toMatchObject({ installed: true });
  });

  it('reports a missing dist folder (an offline install)', () => {
    const root = fakeRepo({ pathTxt: 'electron' });
    expect(electronBinaryStatus(root)).toEqual({ installed: false, missing: 'node_modules/electron/dist' });
  });

  it('reports a missing path.txt', () => {
    expect(electronBinaryStatus(fakeRepo({ dist: true }))).toEqual({ installed: false, missing: 'node_modules/electron/path.txt' });
  });

  it('reports a half-finished download (dist without the binary)', () => {
    const root = fakeRepo({ dist: true, pathTxt: 'electron' });
    expect(electronBinaryStatus(root)).toEqual({ installed: false, missing: 'node_modules/electron/dist/electron' });
  });

  it('reports no electron package at all', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'companion-start-'));
    folders.push(root);
    expect(electronBinaryStatus(root)).toEqual({ installed: false, missing: 'node_modules/electron/dist' });
  });
});

describe('npm start without the binary', () => {
  it('says so in one sentence, points to the preview, and exits 1', (context) => {
    if (binaryHere) {
      console.log('Skipped: node_modules/electron/dist exists here, so `npm start` would really launch the app.');
      context.skip();
    }
    const result = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${missingBinaryMessage('node_modules/electron/dist')}\n`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Electron's binary is not installed on this machine .*; run `npm run preview` to use the app in your browser instead\.\n$/);
    expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
  });
});
