// The real esbuild bundle of the preload, run in Node against a fake `electron` module: this checks
// the wiring in preload.ts that the pure module's tests can't see. Main's bundle: main-process.test.ts.
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../scripts/build-electron.mjs';
import { channels } from '../../shared/contract';
import { runBundle } from '../support/run-bundle';

const repoRoot = path.resolve(import.meta.dirname, '../..');
let bundles: Record<string, string>;
beforeAll(async () => {
  bundles = await buildElectron({ write: false });
}, 30_000);

describe('the preload bundle', () => {
  const load = () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: `answer from ${channel}` }));
    const ipcListeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
    const ipcRenderer = {
      invoke,
      on: (name: string, l: (event: unknown, payload: unknown) => void) =>
        void (ipcListeners.get(name) ?? ipcListeners.set(name, new Set()).get(name)!).add(l),
      removeListener: (name: string, l: (event: unknown, payload: unknown) => void) =>
        void ipcListeners.get(name)?.delete(l),
    };
    const required = runBundle(
      bundles['dist-electron/preload.cjs']!,
      { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer },
      repoRoot,
    );
    const api = exposed.get('api') as {
      transport: string;
      invoke: (c: string, i?: unknown) => Promise<unknown>;
      onCommand: (l: (c: string) => void) => () => void;
    };
    return { exposed, api, invoke, required, ipcListeners };
  };

  it('requires nothing but electron (a sandboxed preload can load nothing else)', () => {
    expect(load().required).toEqual(['electron']);
  });

  it('exposes one global, api, on the electron transport', () => {
    const { exposed, api } = load();
    expect([...exposed.keys()]).toEqual(['api']);
    expect(api.transport).toBe('electron');
  });

  it('forwards every contract channel to main', async () => {
    const { api, invoke } = load();
    for (const channel of channels)
      expect(await api.invoke(channel, { x: 1 })).toEqual({ ok: true, value: `answer from ${channel}` });
    expect(invoke.mock.calls.map(([c]) => c)).toEqual(channels);
  });

  it('refuses any other channel without asking main', async () => {
    const { api, invoke } = load();
    for (const channel of ['db.exec', 'toString', '__proto__', 'constructor', '']) {
      expect(await api.invoke(channel)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it("passes main's allow-listed commands on app:command only, and unsubscribes", () => {
    const { api, ipcListeners } = load();
    const got: string[] = [];
    const off = api.onCommand((c) => got.push(c));
    expect([...ipcListeners.keys()]).toEqual(['app:command']);
    for (const l of ipcListeners.get('app:command')!)
      for (const p of ['navigate:#/log', 'rm -rf', 'timer:toggle']) l({ sender: 'secret' }, p);
    expect(got).toEqual(['navigate:#/log', 'timer:toggle']);
    off();
    expect(ipcListeners.get('app:command')!.size).toBe(0);
  });

  it('turns a failed IPC call into an error envelope', async () => {
    const { api, invoke } = load();
    invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'item.get': no handler"));
    expect(await api.invoke('item.get', { itemId: '1.1' })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
