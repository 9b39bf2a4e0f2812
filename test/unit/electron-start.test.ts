// `npm start` where Electron's binary is and isn't installed (its decisions: start-plan.test.ts).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryStatus } from '../../scripts/electron-status.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const binaryHere = electronBinaryStatus(repoRoot).installed;

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
    expect(electronBinaryStatus(root)).toEqual({
      installed: true,
      binary: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
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
    expect(electronBinaryStatus(fakeRepo({ dist: true }))).toEqual({
      installed: false,
      missing: 'node_modules/electron/path.txt',
    });
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

describe('npm start, for real, where the desktop app cannot start', () => {
  it("says why in one sentence and serves the same app in the browser on the desktop app's data folder", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'companion-start-data-'));
    folders.push(dataDir);
    // Where the binary is missing, the real installer runs against a download server that refuses
    // at once (nothing is fetched, whatever the network); where it is installed, --browser.
    const args = binaryHere ? ['scripts/start.mjs', '--browser'] : ['scripts/start.mjs'];
    const cache = mkdtempSync(path.join(tmpdir(), 'companion-start-cache-'));
    folders.push(cache);
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: {
        ...process.env,
        COMPANION_DATA_DIR: dataDir,
        DISPLAY: ':99',
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: cache,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address in:\n${stdout}\n${stderr}`)), 90_000);
        child.stdout.on('data', () => {
          const m = / at (http:\/\/127\.0\.0\.1:\d+\/) /.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on(
          'exit',
          (code) => (clearTimeout(timer), reject(new Error(`npm start exited with ${code}:\n${stdout}\n${stderr}`))),
        );
      });
      const lines = stdout.trim().split('\n');
      const sentence = lines.at(-1)!;
      if (binaryHere) {
        expect(lines).toHaveLength(1);
        expect(sentence).toMatch(
          /^You asked for the browser version, so MLOps Study Companion runs in your browser instead, at /,
        );
      } else {
        expect(lines).toEqual([
          expect.stringMatching(
            /^Downloading Electron 45\.\d+\.\d+ for this computer \(first start only, about 100 MB\)…$/,
          ),
          sentence,
        ]);
        expect(sentence).toMatch(
          /^Electron 45\.\d+\.\d+ could not be downloaded \(no connection to its download server\), so MLOps Study Companion runs in your browser instead, at /,
        );
      }
      expect(sentence).toContain(`(your data: ${path.join(dataDir, 'companion.db')}; Ctrl+C stops it).`);
      expect(stderr).toBe('');
      // The app itself, over its real handlers, on that data file.
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('companion-preview-token');
      expect(existsSync(path.join(dataDir, 'companion.db'))).toBe(true);
      expect(JSON.parse(readFileSync(path.join(dataDir, 'companion.db.lock'), 'utf8'))).toMatchObject({
        kind: 'browser',
        url,
      });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    // Stopping it gives the data back to the desktop app.
    expect(existsSync(path.join(dataDir, 'companion.db.lock'))).toBe(false);
  }, 120_000);
});
