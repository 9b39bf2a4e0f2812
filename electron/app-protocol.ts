// Serves the built renderer from app://companion/ instead of file://, so the page has a real origin
// of its own (the IPC sender check relies on it) and can't read the disk. The path decision is pure;
// the Electron part is `registerAppScheme` and `registerAppProtocol`, which take `protocol` as a parameter.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../shared/bridge';
import { CONTENT_SECURITY_POLICY } from './security';

const DEFAULT_DOCUMENT = 'index.html';

/**
 * The file under `rendererDir` that `requestUrl` names, or null when the request must be refused:
 * another scheme or host, a `..` segment (plain or percent-encoded, checked on the raw string because
 * URL parsing would quietly resolve it), backslashes, null bytes, absolute or drive paths, bad escapes.
 */
export function resolveAppRequest(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null;

  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!requestUrl.toLowerCase().startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded !== '' && !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const relative = segments.join('/');
  // "//etc/passwd" leaves "/etc/passwd"; "C:/Windows" is absolute on Windows.
  if (relative.startsWith('/') || /^[a-zA-Z]:/.test(relative) || path.isAbsolute(relative)) return null;

  const root = path.resolve(rendererDir);
  const file = path.resolve(
    root,
    relative === '' || relative.endsWith('/') ? `${relative}${DEFAULT_DOCUMENT}` : relative,
  );
  // Belt and braces: whatever slipped past the checks above still has to land inside the renderer.
  return file.startsWith(root + path.sep) ? file : null;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const plain = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });

/** The protocol handler: a file with its type and the CSP, 404 for a missing file, 403 for a refused path. */
export function createAppRequestHandler(rendererDir: string, read: (file: string) => Promise<Uint8Array> = readFile) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed');
    const file = resolveAppRequest(request.url, rendererDir);
    if (!file) return plain(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(body as BodyInit, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Must run before the app is ready: a standard, secure scheme gets an origin, storage and a CSP like https. */
export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean } }[],
  ): void;
}): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** Runs once the app is ready, for the default session. */
export function registerAppProtocol(
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void },
  rendererDir: string,
): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
