// The IPC door: our page's top frame reaches the real handlers; any other sender is refused before
// its input is even parsed, and the database stays exactly as it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/contract';
import {
  FORBIDDEN_MESSAGE,
  handleIpcCall,
  registerIpc,
  senderOf,
  type IpcInvokeEventLike,
} from '../../electron/ipc/register';
import { createTestApp, dumpDatabase, type TestApp } from '../support/context';

const trusted = { senderUrl: 'app://companion/index.html#/item/1.1', isMainFrame: true };
const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE } };

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

describe('handleIpcCall', () => {
  it('gives our main frame the real answer', async () => {
    const result = await handleIpcCall(app.ctx, 'timer.start', trusted, { itemId: '1.1' });
    expect(result).toMatchObject({ ok: true, value: { running: { itemId: '1.1' }, stoppedPrevious: null } });
    expect(app.call('timer.current')).toMatchObject({ itemId: '1.1' });
    expect(await handleIpcCall(app.ctx, 'item.get', trusted, { itemId: '1.1' })).toMatchObject({
      ok: true,
      value: { status: 'in_progress' },
    });
  });

  it('still validates a trusted caller’s input and channel', async () => {
    expect(await handleIpcCall(app.ctx, 'item.get', trusted, { itemId: '../etc' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await handleIpcCall(app.ctx, 'db.exec', trusted, 'DROP TABLE time_entries')).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('runs the asynchronous PDF export: with the desktop exporter it answers, without it says why', async () => {
    expect(await handleIpcCall(app.ctx, 'portfolio.exportPdf', trusted, { paper: 'A4' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const exportPdf = vi.fn(async () => ({ saved: true, fileName: 'portfolio.pdf', pages: 2, bytes: 31_000 }));
    app.ctx.exportPdf = exportPdf;
    expect(await handleIpcCall(app.ctx, 'portfolio.exportPdf', trusted, { paper: 'Letter' })).toEqual({
      ok: true,
      value: { saved: true, fileName: 'portfolio.pdf', pages: 2, bytes: 31_000 },
    });
    expect(exportPdf).toHaveBeenCalledWith('Letter');
    expect(
      await handleIpcCall(
        app.ctx,
        'portfolio.exportPdf',
        { senderUrl: 'https://evil.example/', isMainFrame: true },
        { paper: 'A4' },
      ),
    ).toEqual(forbidden);
    expect(exportPdf).toHaveBeenCalledTimes(1);
  });

  it('has written a synchronous handler’s change by the time it returns its promise', () => {
    void handleIpcCall(app.ctx, 'item.setStatus', trusted, { itemId: '1.3', status: 'done' });
    expect(app.call('item.get', { itemId: '1.3' }).status).toBe('done');
  });

  it.each([
    ['a sub-frame of our own page', { senderUrl: 'app://companion/index.html', isMainFrame: false }],
    ['a web page', { senderUrl: 'https://evil.example/', isMainFrame: true }],
    ['a file: page', { senderUrl: 'file:///tmp/index.html', isMainFrame: true }],
    ['the preview server’s origin', { senderUrl: 'http://127.0.0.1:4173/', isMainFrame: true }],
    ['another app host', { senderUrl: 'app://other/index.html', isMainFrame: true }],
    ['a destroyed frame', { senderUrl: undefined, isMainFrame: true }],
    ['a malformed URL', { senderUrl: 'app://%%%', isMainFrame: true }],
  ])('refuses %s and writes nothing', async (_who, sender) => {
    app.call('item.setNotes', { itemId: '1.2', notes: 'before' });
    const before = dumpDatabase(app.db);
    expect(await handleIpcCall(app.ctx, 'item.setStatus', sender, { itemId: '1.1', status: 'done' })).toEqual(
      forbidden,
    );
    expect(await handleIpcCall(app.ctx, 'timer.start', sender, { itemId: '1.1' })).toEqual(forbidden);
    expect(await handleIpcCall(app.ctx, 'item.setNotes', sender, { itemId: '1.2', notes: 'overwritten' })).toEqual(
      forbidden,
    );
    // Refused before parsing: a bad payload gets the same answer, not a validation message.
    expect(await handleIpcCall(app.ctx, 'item.get', sender, { nonsense: true })).toEqual(forbidden);
    expect(dumpDatabase(app.db)).toBe(before);
  });
});

describe('senderOf', () => {
  const mainFrame = { url: 'app://companion/index.html', processId: 4, frameToken: 'main' };

  it('reads our main frame as the main frame', () => {
    expect(senderOf({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({
      senderUrl: mainFrame.url,
      isMainFrame: true,
    });
  });

  it('accepts a different wrapper of the same frame (same process and token)', () => {
    expect(senderOf({ senderFrame: { ...mainFrame }, sender: { mainFrame } }).isMainFrame).toBe(true);
  });

  it('reads an iframe as a sub-frame', () => {
    const child = { url: 'app://companion/index.html', processId: 4, frameToken: 'child' };
    expect(senderOf({ senderFrame: child, sender: { mainFrame } })).toEqual({
      senderUrl: child.url,
      isMainFrame: false,
    });
    const sameTokenOtherProcess = { ...mainFrame, processId: 5 };
    expect(senderOf({ senderFrame: sameTokenOtherProcess, sender: { mainFrame } }).isMainFrame).toBe(false);
  });

  it('treats a missing or unreadable frame as untrusted', () => {
    expect(senderOf({ senderFrame: null, sender: { mainFrame } })).toEqual({
      senderUrl: undefined,
      isMainFrame: false,
    });
    const throwing = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      sender: { mainFrame },
    } as IpcInvokeEventLike;
    expect(senderOf(throwing)).toEqual({ senderUrl: undefined, isMainFrame: false });
  });
});

describe('registerIpc', () => {
  type Listener = (event: IpcInvokeEventLike, input?: unknown) => unknown;
  const register = () => {
    const registered = new Map<string, Listener>();
    const log = vi.fn();
    registerIpc({ handle: (channel, listener) => registered.set(channel, listener) }, () => app.ctx, log);
    return { registered, log };
  };
  const mainFrame = { url: 'app://companion/index.html' };

  it('registers exactly the contract’s channels', () => {
    const { registered } = register();
    expect([...registered.keys()].sort()).toEqual([...channels].sort());
  });

  it('answers our main frame through the real handlers', async () => {
    const { registered } = register();
    const result = await registered.get('item.setStatus')!(
      { senderFrame: mainFrame, sender: { mainFrame } },
      { itemId: '1.1', status: 'done' },
    );
    expect(result).toMatchObject({ ok: true, value: { itemId: '1.1', status: 'done' } });
    expect(app.call('item.get', { itemId: '1.1' }).status).toBe('done');
  });

  it('refuses an iframe, even one showing our own page', async () => {
    const { registered } = register();
    const before = dumpDatabase(app.db);
    const iframe = { url: 'app://companion/index.html' };
    expect(
      await registered.get('item.setStatus')!(
        { senderFrame: iframe, sender: { mainFrame } },
        { itemId: '1.1', status: 'done' },
      ),
    ).toEqual(forbidden);
    expect(dumpDatabase(app.db)).toBe(before);
  });

  it('reads the context on every call, so a reopened database is used', async () => {
    const { registered } = register();
    app.reopen();
    expect(await registered.get('timer.current')!({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({
      ok: true,
      value: null,
    });
  });
});
