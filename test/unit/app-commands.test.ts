// Main → renderer commands: the allow-list on both sides (shared/commands.ts, the preload bridge, renderer/lib/commands.ts) and a command waiting for its screen.
import { describe, expect, it, vi } from 'vitest';
import { createElectronBridge } from '../../electron/preload-api';
import { APP_COMMANDS } from '../../shared/commands';
import { onAppCommand, PENDING_COMMAND_MS, runCommand, subscribeToCommands } from '../../renderer/lib/commands';

describe('main → renderer commands', () => {
  it('the preload passes only allow-listed commands and can unsubscribe', () => {
    let deliver: (payload: unknown) => void = () => {};
    const unsubscribe = vi.fn();
    const api = createElectronBridge(
      async () => ({ ok: true, value: null }),
      (listener) => ((deliver = listener), unsubscribe),
    );
    const got: string[] = [];
    const off = api.onCommand!((c) => got.push(c));
    for (const payload of [
      'navigate:#/log',
      'navigate:javascript:alert(1)',
      'timer:toggle',
      { toString: () => 'timer:toggle' },
      'data:changed',
      42,
    ])
      deliver(payload);
    expect(got).toEqual(['navigate:#/log', 'timer:toggle', 'data:changed']);
    off();
    expect(unsubscribe).toHaveBeenCalled();
    expect(createElectronBridge(async () => null).onCommand).toBeUndefined();
  });

  function fakeWindow(onCommand?: (l: (c: string) => void) => () => void) {
    const events: string[] = [];
    const listeners = new Set<(e: Event) => void>();
    const target = {
      location: { hash: '#/roadmap' },
      api: onCommand ? { transport: 'electron', invoke: vi.fn(), onCommand } : undefined,
      dispatchEvent: (e: CustomEvent) => {
        events.push(`${e.type}:${e.detail}`);
        for (const l of listeners) l(e);
      },
      addEventListener: (_name: string, l: (e: Event) => void) => void listeners.add(l),
      removeEventListener: (_name: string, l: (e: Event) => void) => void listeners.delete(l),
    };
    return { target: target as unknown as Window, events, location: target.location };
  }

  it('the renderer navigates by hash, re-checks the allow-list, and turns other commands into DOM events', () => {
    const { target, events, location } = fakeWindow();
    expect(runCommand('navigate:#/insights', target)).toBe(true);
    expect(location.hash).toBe('#/insights');
    expect(runCommand('navigate:https://evil.example', target)).toBe(false);
    expect(location.hash).toBe('#/insights');
    runCommand('entry:new', target);
    expect(location.hash).toBe('#/insights'); // the entry form is on the item screen: no navigation
    runCommand('export:pdf', target);
    expect(location.hash).toBe('#/portfolio');
    runCommand('timer:toggle', target);
    runCommand('export:pdf', target);
    // The first export:pdf waits for the Portfolio screen (it is not loaded yet); once there, it is an event.
    expect(events).toEqual([
      'companion:command:entry:new',
      'companion:command:timer:toggle',
      'companion:command:export:pdf',
    ]);
  });

  it('a command that switches screens reaches the screen when it starts listening, once', async () => {
    const { target, events } = fakeWindow();
    runCommand('export:csv', target);
    const got: string[] = [];
    // Another command's listener does not take it.
    onAppCommand('export:pdf', () => got.push('pdf'), target);
    onAppCommand('export:csv', () => got.push('csv'), target);
    onAppCommand('export:csv', () => got.push('csv again'), target);
    await Promise.resolve();
    expect(got).toEqual(['csv']);
    expect(events).toEqual([]);
  });

  it('a waiting command is dropped when its screen unsubscribes at once or comes too late', async () => {
    vi.useFakeTimers();
    try {
      const first = fakeWindow();
      runCommand('export:pdf', first.target);
      const got: string[] = [];
      onAppCommand('export:pdf', () => got.push('unmounted'), first.target)();
      // React's StrictMode: the screen subscribes again at once and gets it.
      onAppCommand('export:pdf', () => got.push('remounted'), first.target);
      await Promise.resolve();
      expect(got).toEqual(['remounted']);
      got.splice(0);
      const late = fakeWindow();
      runCommand('export:pdf', late.target);
      vi.advanceTimersByTime(PENDING_COMMAND_MS + 1);
      onAppCommand('export:pdf', () => got.push('late'), late.target);
      await Promise.resolve();
      expect(got).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('subscribes when the bridge has onCommand, and does nothing in the preview', () => {
    let listener: (c: string) => void = () => {};
    const { target, location } = fakeWindow((l) => ((listener = l), () => {}));
    subscribeToCommands(target);
    listener('navigate:#/milestones');
    expect(location.hash).toBe('#/milestones');
    expect(subscribeToCommands(fakeWindow().target)).toBeTypeOf('function');
  });

  it('every command in the allow-list is a navigation to a real route or a known action', () => {
    for (const c of APP_COMMANDS)
      expect(c).toMatch(
        /^(navigate:#\/(roadmap|log|import|insights|portfolio|milestones|settings)|timer:toggle|entry:new|help:shortcuts|export:pdf|export:csv|data:changed|sync:status)$/,
      );
  });
});
