// Where the packaged smoke test finds the app electron-builder unpacked, on each OS.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answeringSaveDialog } from '../../electron/pdf/pdf-export';
import { findPackagedExecutable } from '../../test/packaged/executable';

const fsWith = (files: string[]) => ({
  exists: (f: string) => files.includes(f),
  list: (dir: string) => [
    ...new Set(
      files.filter((f) => f.startsWith(dir + path.sep)).map((f) => f.slice(dir.length + 1).split(path.sep)[0]!),
    ),
  ],
});
const r = '/repo/release';

describe('findPackagedExecutable', () => {
  it("finds each OS's unpacked executable", () => {
    const linux = `${r}/linux-unpacked/mlops-study-companion`;
    expect(findPackagedExecutable(r, 'linux', fsWith([linux, `${r}/x.AppImage`]))).toEqual({ file: linux });
    const mac = `${r}/mac-arm64/MLOps Study Companion.app/Contents/MacOS/MLOps Study Companion`;
    expect(findPackagedExecutable(r, 'darwin', fsWith([mac]))).toEqual({ file: mac });
    const win = `${r}/win-unpacked/MLOps Study Companion.exe`;
    expect(findPackagedExecutable(r, 'win32', fsWith([win]))).toEqual({ file: win });
  });

  it('says what it looked for when there is nothing', () => {
    expect(findPackagedExecutable(r, 'linux', fsWith([]))).toEqual({
      file: null,
      lookedFor: [`${r}/<platform>-unpacked`],
    });
    expect(findPackagedExecutable(r, 'linux', fsWith([`${r}/linux-unpacked/chrome-sandbox`]))).toEqual({
      file: null,
      lookedFor: [`${r}/linux-unpacked/mlops-study-companion`],
    });
  });
});

describe("answeringSaveDialog (the packaged smoke test's save dialog)", () => {
  it('answers with the suggested file name in its folder, with or without a parent window', async () => {
    const dialog = answeringSaveDialog<object>('/tmp/out');
    const options = {
      title: 't',
      defaultPath: '/home/ada/Documents/Ada portfolio 2026-11-26.pdf',
      buttonLabel: 'Save',
      filters: [],
      properties: [],
    };
    expect(await dialog.showSaveDialog(options)).toEqual({
      canceled: false,
      filePath: '/tmp/out/Ada portfolio 2026-11-26.pdf',
    });
    expect(await dialog.showSaveDialog({}, options)).toEqual({
      canceled: false,
      filePath: '/tmp/out/Ada portfolio 2026-11-26.pdf',
    });
  });
});
