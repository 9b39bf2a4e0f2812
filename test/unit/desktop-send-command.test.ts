import { describe, expect, it } from 'vitest';
import { sendCommandWhenLoaded, type CommandWindow } from '../../electron/desktop/send-command';

function window({ loading }: { loading: boolean }) {
  const sent: unknown[][] = [];
  const onLoad: (() => void)[] = [];
  let destroyed = false;
  const w: CommandWindow & { finishLoad: () => void; destroy: () => void } = {
    isDestroyed: () => destroyed,
    webContents: {
      isLoading: () => loading,
      once: (_event, listener) => onLoad.push(listener),
      send: (...args) => void sent.push(args),
    },
    finishLoad: () => {
      loading = false;
      for (const l of onLoad.splice(0)) l();
    },
    destroy: () => void (destroyed = true),
  };
  return { w, sent };
}

describe('sendCommandWhenLoaded', () => {
  it('sends at once to a loaded page', () => {
    const { w, sent } = window({ loading: false });
    expect(sendCommandWhenLoaded(w, 'export:pdf')).toBe('sent');
    expect(sent).toEqual([['app:command', 'export:pdf']]);
  });

  it('holds commands for a page still loading (a window opened again on macOS) and sends them in order when it has loaded', () => {
    const { w, sent } = window({ loading: true });
    expect(sendCommandWhenLoaded(w, 'navigate:#/log')).toBe('queued');
    expect(sendCommandWhenLoaded(w, 'export:csv')).toBe('queued');
    expect(sent).toEqual([]);
    w.finishLoad();
    expect(sent).toEqual([
      ['app:command', 'navigate:#/log'],
      ['app:command', 'export:csv'],
    ]);
  });

  it('sends nothing to a window destroyed before it loaded, or to no window', () => {
    const { w, sent } = window({ loading: true });
    sendCommandWhenLoaded(w, 'timer:toggle');
    w.destroy();
    w.finishLoad();
    expect(sent).toEqual([]);
    expect(sendCommandWhenLoaded(null, 'timer:toggle')).toBe('no-window');
  });
});
