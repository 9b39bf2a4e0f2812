// The window-state file (electron/desktop/window-state-store.ts): loading, saving as the window moves, and a damaged file.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadWindowState, trackWindowState } from '../../electron/desktop/window-state-store';

describe('window state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempFile = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'companion-ws-'));
    dirs.push(dir);
    return path.join(dir, 'window-state.json');
  };
  const displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 }, primary: true }];

  it('restores saved bounds that are on a screen; a missing or damaged file centres the default size', () => {
    const file = tempFile();
    expect(loadWindowState(file, displays)).toEqual({ x: 320, y: 130, width: 1280, height: 820, maximized: false });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file, displays)).toEqual({ x: 320, y: 130, width: 1280, height: 820, maximized: false });
    writeFileSync(file, JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true }));
    expect(loadWindowState(file, displays)).toEqual({ x: 100, y: 50, width: 1000, height: 700, maximized: true });
  });

  it('saves debounced on move/resize and at once on close, atomically', () => {
    vi.useFakeTimers();
    const file = tempFile();
    const listeners = new Map<string, () => void>();
    let bounds = { x: 10, y: 20, width: 1000, height: 700 };
    const window = {
      on: (e: string, l: () => void) => void listeners.set(e, l),
      getNormalBounds: () => bounds,
      isMaximized: () => false,
    };
    trackWindowState(window, file);
    listeners.get('move')!();
    bounds = { ...bounds, x: 30 };
    listeners.get('resize')!();
    vi.advanceTimersByTime(499);
    expect(readdirSync(path.dirname(file))).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      x: 30,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    });
    bounds = { ...bounds, y: 99 };
    listeners.get('move')!();
    listeners.get('close')!();
    expect(JSON.parse(readFileSync(file, 'utf8')).y).toBe(99);
    // No temporary files left beside it.
    expect(readdirSync(path.dirname(file))).toEqual(['window-state.json']);
  });
});
