// The main window's bounds in userData/window-state.json: restored at start through window-state.ts's
// restoreBounds (so a window never opens on a monitor that is gone), saved debounced on move and
// resize and at once on close.
import { debounce, readJson, writeJsonAtomic } from './json-store';
import { boundsToSave, restoreBounds, type DisplayInfo, type Rect, type SavedWindowState } from './window-state';

export const WINDOW_STATE_FILE = 'window-state.json';

export function loadWindowState(file: string, displays: readonly DisplayInfo[]): SavedWindowState {
  const saved = readJson(file);
  return restoreBounds(saved && typeof saved === 'object' ? (saved as Partial<SavedWindowState>) : null, displays);
}

export interface TrackableWindow {
  on(event: 'move' | 'resize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isFullScreen?(): boolean;
  isDestroyed?(): boolean;
}

export function trackWindowState(
  window: TrackableWindow,
  file: string,
  options: { delayMs?: number; write?: (file: string, value: unknown) => void } = {},
) {
  const write = options.write ?? writeJsonAtomic;
  const save = () => {
    if (window.isDestroyed?.()) return;
    try {
      write(file, boundsToSave(window));
    } catch (error) {
      // Losing the window position is not worth an error dialog.
      console.error('[window-state]', error);
    }
  };
  const later = debounce(save, options.delayMs ?? 500);
  window.on('move', () => later.call());
  window.on('resize', () => later.call());
  window.on('close', () => {
    later.cancel();
    save();
  });
  return later;
}
