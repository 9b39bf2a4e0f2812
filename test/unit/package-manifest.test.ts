// package.json's install-script policy: npm 11 warns about dependencies whose install scripts nobody
// reviewed, and a stricter npm will skip them, which would leave the database module unbuilt.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('allowScripts', () => {
  it('lets the database module and esbuild build, and nothing is left unreviewed', { timeout: 30_000 }, () => {
    expect(pkg.allowScripts).toMatchObject({ 'better-sqlite3': true, esbuild: true });
    // The Squirrel installer tool is never used (Windows builds are NSIS): its script stays off.
    expect(pkg.allowScripts['electron-winstaller']).toBe(false);
    const listed = execFileSync('npm', ['install-scripts', 'ls'], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    });
    expect(listed.trim()).toBe('No packages with unreviewed install scripts.');
  });
});
