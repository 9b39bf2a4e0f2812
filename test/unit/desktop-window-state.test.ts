// The window's saved bounds: kept when visible on a current display, else centred on the primary.
import { describe, expect, it } from 'vitest';
import { boundsToSave, DEFAULT_SIZE, MIN_SIZE, restoreBounds } from '../../electron/desktop/window-state';

const laptop = { workArea: { x: 0, y: 25, width: 1440, height: 875 }, primary: true };
const external = { workArea: { x: 1440, y: 0, width: 2560, height: 1440 } };

describe('restoreBounds', () => {
  it('keeps a saved position that is on a display', () => {
    expect(restoreBounds({ x: 100, y: 80, width: 1200, height: 800, maximized: false }, [laptop])).toEqual({
      x: 100,
      y: 80,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('keeps a position on a second display while it is connected', () => {
    const saved = { x: 2000, y: 200, width: 1600, height: 1000, maximized: true };
    expect(restoreBounds(saved, [laptop, external])).toEqual(saved);
  });

  it('centres on the primary display at the default size when that display is gone', () => {
    const r = restoreBounds({ x: 2000, y: 200, width: 1600, height: 1000, maximized: false }, [laptop]);
    expect(r).toEqual({
      x: 80,
      y: 25 + Math.round((875 - 820) / 2),
      width: DEFAULT_SIZE.width,
      height: DEFAULT_SIZE.height,
      maximized: false,
    });
  });

  it('does not keep a window whose title bar is off screen (only its bottom edge shows)', () => {
    const r = restoreBounds({ x: 100, y: -780, width: 1200, height: 800 }, [laptop]);
    expect(r.x).toBe(80);
  });

  it('keeps a window partly off the side if enough of its title bar is visible', () => {
    expect(restoreBounds({ x: 1300, y: 100, width: 1000, height: 700 }, [laptop])).toMatchObject({ x: 1300, y: 100 });
    expect(restoreBounds({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop]).x).toBe(80);
  });

  it('clamps the size to the minimum', () => {
    expect(restoreBounds({ x: 10, y: 40, width: 200, height: 100 }, [laptop])).toMatchObject({
      width: MIN_SIZE.width,
      height: MIN_SIZE.height,
    });
  });

  it('shrinks a size larger than the display it is on', () => {
    expect(restoreBounds({ x: 0, y: 25, width: 3000, height: 2000 }, [laptop])).toMatchObject({
      width: 1440,
      height: 875,
    });
  });

  it('uses the default when nothing was saved or the saved value is broken', () => {
    for (const saved of [null, undefined, {}, { x: Number.NaN, y: 0, width: 100, height: 100 }]) {
      expect(restoreBounds(saved, [laptop])).toMatchObject({ width: 1280, height: 820, maximized: false });
    }
  });

  it('centres on the display marked primary, and copes with no displays', () => {
    const r = restoreBounds(null, [
      external,
      { ...laptop, primary: false },
      { workArea: { x: -1920, y: 0, width: 1920, height: 1080 }, primary: true },
    ]);
    expect(r).toMatchObject({ x: -1920 + 320, y: 130 });
    expect(restoreBounds(null, [])).toEqual({ x: 0, y: 0, width: 1280, height: 820, maximized: false });
  });

  it('a small display keeps the minimum size', () => {
    const tiny = { workArea: { x: 0, y: 0, width: 800, height: 600 }, primary: true };
    expect(restoreBounds(null, [tiny])).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });
});

describe('boundsToSave', () => {
  it('saves the normal bounds and whether the window was maximized', () => {
    const win = { getNormalBounds: () => ({ x: 10.4, y: 20, width: 1200, height: 800.6 }), isMaximized: () => true };
    expect(boundsToSave(win)).toEqual({ x: 10, y: 20, width: 1200, height: 801, maximized: true });
  });

  it('counts full screen as maximized, and round-trips through restoreBounds', () => {
    const win = {
      getNormalBounds: () => ({ x: 100, y: 100, width: 1000, height: 700 }),
      isMaximized: () => false,
      isFullScreen: () => true,
    };
    const saved = boundsToSave(win);
    expect(saved.maximized).toBe(true);
    expect(restoreBounds(saved, [laptop])).toEqual(saved);
  });
});
