// The main window's position and size between runs. Pure: main reads screen.getAllDisplays() and
// the saved bounds, and saves boundsToSave(window) on close.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState extends Rect {
  maximized: boolean;
}

export interface DisplayInfo {
  workArea: Rect;
  primary?: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 960, height: 640 };
/** How much of the window's top strip (its title bar) must be on a display to count as visible. */
const VISIBLE_WIDTH = 100;
const TITLE_BAR_HEIGHT = 32;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The bounds to open the window with. The saved position is kept only when the window's title bar
 * is visible on a current display (a monitor unplugged since must not strand it off screen);
 * otherwise the window is centred on the primary display at the default size. The size is never
 * below the minimum, nor larger than the display it lands on.
 */
export function restoreBounds(
  saved: Partial<SavedWindowState> | null | undefined,
  displays: readonly DisplayInfo[],
): SavedWindowState {
  const primary = displays.find((d) => d.primary) ?? displays[0];
  const centred = (area: Rect | undefined): SavedWindowState => {
    if (!area) return { x: 0, y: 0, ...DEFAULT_SIZE, maximized: false };
    const width = Math.max(MIN_SIZE.width, Math.min(DEFAULT_SIZE.width, area.width));
    const height = Math.max(MIN_SIZE.height, Math.min(DEFAULT_SIZE.height, area.height));
    return {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + Math.max(0, (area.height - height) / 2)),
      width,
      height,
      maximized: false,
    };
  };
  if (!saved || !finite(saved.x) || !finite(saved.y) || !finite(saved.width) || !finite(saved.height)) {
    return centred(primary?.workArea);
  }
  const maximized = saved.maximized === true;
  const titleBar: Rect = { x: saved.x, y: saved.y, width: Math.max(saved.width, 1), height: TITLE_BAR_HEIGHT };
  const home = displays.find((d) => {
    const o = overlap(titleBar, d.workArea);
    return o.width >= Math.min(VISIBLE_WIDTH, saved.width!) && o.height >= TITLE_BAR_HEIGHT / 2;
  });
  if (!home) return { ...centred(primary?.workArea), maximized };
  const area = home.workArea;
  const width = Math.max(MIN_SIZE.width, Math.min(Math.round(saved.width), Math.max(area.width, MIN_SIZE.width)));
  const height = Math.max(MIN_SIZE.height, Math.min(Math.round(saved.height), Math.max(area.height, MIN_SIZE.height)));
  return { x: Math.round(saved.x), y: Math.round(saved.y), width, height, maximized };
}

/** What to save on close: the normal (not maximized) bounds, and whether it was maximized. */
export function boundsToSave(window: {
  getNormalBounds: () => Rect;
  isMaximized: () => boolean;
  isFullScreen?: () => boolean;
}): SavedWindowState {
  const b = window.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.round(b.width),
    height: Math.round(b.height),
    maximized: window.isMaximized() || (window.isFullScreen?.() ?? false),
  };
}
