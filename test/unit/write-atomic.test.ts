// The synchronous half of the one atomic-write helper (the desktop's JSON files); the asynchronous
// half is tested with `npm run pdf`'s parts (pdf-command.test.ts). The same three promises for both.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJson, writeJsonAtomic } from '../../electron/desktop/json-store';
import { writeFileAtomicSync } from '../../electron/files/write-atomic';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'write-atomic-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomicSync', () => {
  it('writes the bytes and leaves no temporary file behind', () => {
    const dir = scratch();
    const file = path.join(dir, 'window-state.json');
    writeFileAtomicSync(file, 'first');
    writeFileAtomicSync(file, 'second, longer');
    expect(readFileSync(file, 'utf8')).toBe('second, longer');
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('fails without touching anything when the folder does not exist', () => {
    const dir = scratch();
    expect(() => writeFileAtomicSync(path.join(dir, 'missing', 'a.json'), '{}')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old file whole when the new one cannot be put in its place', () => {
    const dir = scratch();
    const target = path.join(dir, 'taken');
    mkdirSync(target); // a folder where the file should go: the rename fails
    writeFileSync(path.join(target, 'keep.txt'), 'kept');
    expect(() => writeFileAtomicSync(target, 'new')).toThrow();
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['taken']);
  });

  it('is how the desktop writes its JSON files, which read back as written', () => {
    const file = path.join(scratch(), 'reminders.json');
    writeJsonAtomic(file, { lastStudyReminder: '2026-03-02' });
    expect(readJson(file)).toEqual({ lastStudyReminder: '2026-03-02' });
    expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
  });
});
