// app://companion/ serves the built renderer and nothing else on the disk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  contentTypeFor,
  createAppRequestHandler,
  registerAppProtocol,
  registerAppScheme,
  resolveAppRequest,
} from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

const dir = path.resolve('/srv/app/dist/renderer');
const inDir = (...parts: string[]) => path.join(dir, ...parts);

describe('resolveAppRequest', () => {
  it.each([
    ['app://companion/', inDir('index.html')],
    ['app://companion', inDir('index.html')],
    ['app://companion/index.html', inDir('index.html')],
    ['app://companion/index.html#/item/1.1', inDir('index.html')],
    ['app://companion/index.html?v=2', inDir('index.html')],
    ['app://companion/assets/index-Bx12.js', inDir('assets', 'index-Bx12.js')],
    ['app://companion/assets/', inDir('assets', 'index.html')],
    ['app://companion/fonts/Inter%20Var.woff2', inDir('fonts', 'Inter Var.woff2')],
  ])('%s → a file in the renderer', (url, file) => {
    expect(resolveAppRequest(url, dir)).toBe(file);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a look-alike host', 'app://companion.evil.example/index.html'],
    ['a port', 'app://companion:8080/index.html'],
    ['credentials', 'app://me@companion/index.html'],
    ['another scheme', 'https://companion/index.html'],
    ['file:', 'file:///etc/passwd'],
    ['a plain ..', 'app://companion/../../etc/passwd'],
    ['a .. in the middle', 'app://companion/assets/../../secret.txt'],
    ['an encoded ..', 'app://companion/%2e%2e/%2e%2e/etc/passwd'],
    ['an upper-case encoded ..', 'app://companion/%2E%2E/etc/passwd'],
    ['a half-encoded ..', 'app://companion/.%2e/etc/passwd'],
    ['an encoded slash with ..', 'app://companion/..%2f..%2fetc%2fpasswd'],
    ['an encoded backslash', 'app://companion/..%5c..%5cwindows%5cwin.ini'],
    ['a single dot segment', 'app://companion/./index.html'],
    ['a null byte', 'app://companion/index.html%00.png'],
    ['an absolute path', 'app://companion//etc/passwd'],
    ['an encoded absolute path', 'app://companion/%2fetc%2fpasswd'],
    ['a Windows drive', 'app://companion/C:/Windows/win.ini'],
    ['an encoded Windows drive', 'app://companion/c%3a%5cwindows'],
    ['a malformed escape', 'app://companion/%E0%A4%A'],
    ['no host at all', 'app:index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppRequest(url, dir)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-Bx12.js', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['favicon.ico', 'image/x-icon'],
    ['README', 'application/octet-stream'],
    ['archive.zip', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('createAppRequestHandler', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'companion-renderer-'));
  const renderer = path.join(root, 'dist', 'renderer');
  mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Companion</title>');
  writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const handle = createAppRequestHandler(renderer);

  it('serves index.html with its type and the CSP', async () => {
    const response = await handle({ url: 'app://companion/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Companion</title>');
  });

  it('serves a script as JavaScript', async () => {
    const response = await handle({ url: 'app://companion/assets/app.js' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers 404 for a missing file and 403 for a refused path, never the file outside', async () => {
    expect((await handle({ url: 'app://companion/missing.js' })).status).toBe(404);
    const escape = await handle({ url: 'app://companion/%2e%2e/%2e%2e/secret.txt' });
    expect(escape.status).toBe(403);
    expect(await escape.text()).not.toContain('do not serve');
  });

  it('accepts only reads', async () => {
    expect((await handle({ url: 'app://companion/index.html', method: 'POST' })).status).toBe(405);
  });
});

describe('Electron registration', () => {
  it('registers app: as a standard, secure scheme without fetch', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: false } },
    ]);
  });

  it('handles the app scheme with the file handler', () => {
    const handle = vi.fn();
    registerAppProtocol({ handle }, dir);
    expect(handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
  });
});
