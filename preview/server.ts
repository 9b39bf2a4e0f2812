// The browser preview: the built renderer served on 127.0.0.1, with `window.api` forwarded to
// the real handler table over HTTP. Only the transport differs from Electron's IPC: same
// contract, same dispatcher, same SQLite file format.
//
// Who may call: only pages this server served. Each run makes a random token that the server
// writes into index.html; a call must carry it in a header (which also forces a CORS preflight
// that we never grant), come from our own origin, and name our own host (no DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { getCurriculum } from '../curriculum';
import type { Envelope } from '../shared/errors';
import { isAppCommand, type AppCommand } from '../shared/commands';
import { openDatabase, type Db } from '../electron/db/open';
import { handlers, type HandlerContext, type PdfExporter } from '../electron/handlers';
import { backupBeforeMigration, dailyBackup } from '../electron/data/startup';
import { dispatchAsync } from '../electron/ipc/dispatch';
import { takeDataLock } from '../electron/data/data-lock';
import { startFolderSync, type DEFAULTS as SYNC_DEFAULTS, type FolderSync } from '../electron/sync/scheduler';
import { CONTENT_SECURITY_POLICY } from '../electron/security';
import { contentTypeFor } from '../electron/app-protocol';

const TOKEN_HEADER = 'x-companion-token';
/**
 * The largest call the preview takes: an imported file may be 64 MB of text (shared/schemas/data.ts,
 * imports.ts), a little more once written as JSON. Anything larger is refused before it is read.
 */
const MAX_BODY_MB = 100;
const MAX_BODY_BYTES = MAX_BODY_MB * 1024 * 1024;
const BRIDGE_PATH = '/__preview/bridge.js';
/** Server-sent events carrying app commands, as main sends them to the desktop window. */
const COMMANDS_PATH = '/__preview/commands';
const API_PREFIX = '/__api/';

export interface PreviewOptions {
  dbFile: string;
  rendererDir: string;
  port?: number;
  now?: () => number;
  /**
   * false for a reader that only prints (npm run pdf): it may run while the desktop app or the
   * browser version has the logbook open, so it takes no lock and makes no daily backup.
   */
  lock?: boolean;
  /** When `port` is taken, listen on any free port instead of failing (npm start does). */
  anyPortIfTaken?: boolean;
  /** Check every answer against the contract (the default: a mismatch is a bug to see). `npm run bench` turns it off, as the desktop app has it. */
  validateOutput?: boolean;
  /**
   * The desktop export's printer (portfolio.exportPdf). The preview has none, so the channel says
   * to use `npm run pdf`; the end-to-end test and the benchmark give one that prints the page
   * through Playwright, as main's printToPDF prints the app's window.
   */
  exportPdf?: PdfExporter;
  /**
   * Sync through a folder as the desktop app does (on start, after changes, when the folder changes),
   * on unless `lock` is false. `timing` shortens the scheduler's waits (tests).
   */
  sync?: false | { timing?: Partial<typeof SYNC_DEFAULTS> };
}

export interface Preview {
  url: string;
  token: string;
  db: Db;
  /**
   * Sends an app command (shared/commands.ts) to every open page, as the desktop app's menu, tray
   * and shortcuts do through the preload's onCommand. Resolves with how many pages it reached.
   */
  sendCommand: (command: AppCommand) => number;
  close: () => Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const indexFile = path.join(options.rendererDir, 'index.html');
  try {
    statSync(indexFile);
  } catch {
    throw new Error(`The renderer is not built (${indexFile} is missing). Run \`npm run build:renderer\` first.`);
  }
  const backupDir = path.join(path.dirname(options.dbFile), 'backups');
  // The desktop app, or another browser version, may have this logbook open (electron/data/data-lock.ts).
  const lock =
    options.lock === false
      ? { ok: true as const, update: () => {}, release: () => {} }
      : takeDataLock(options.dbFile, 'browser');
  if (!lock.ok) throw new Error(lock.message);
  let db: Db;
  try {
    db = openDatabase(options.dbFile, getCurriculum(), { beforeMigrate: backupBeforeMigration(backupDir) });
  } catch (error) {
    lock.release();
    throw error;
  }
  const ctx: HandlerContext = {
    db,
    curriculum: getCurriculum(),
    now: options.now ?? Date.now,
    files: { dbFile: options.dbFile, backupDir },
    ...(options.exportPdf ? { exportPdf: options.exportPdf } : {}),
  };
  if (options.lock !== false) await dailyBackup(ctx);
  // The browser version syncs like the desktop app; a reader that only prints (lock: false) never writes.
  let sync: FolderSync | null = null;
  if (options.lock !== false && options.sync !== false) {
    sync = startFolderSync({
      db,
      now: ctx.now,
      // Changes came in: every open page reloads what it shows, as main tells the desktop window.
      onReceived: () => void broadcast('data:changed'),
      onStatus: () => void broadcast('sync:status'),
      timing: options.sync?.timing,
    });
    ctx.sync = sync;
  }
  const token = randomBytes(24).toString('hex');
  const bridgeSource = readFileSync(path.join(import.meta.dirname, 'bridge.js'), 'utf8');
  // The bridge must run before the app's module script, so it goes first in <head>, after the charset.
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    /<meta charset="UTF-8" \/>/i,
    (charset) =>
      `${charset}\n    <meta name="companion-preview-token" content="${token}" />\n    <script src="${BRIDGE_PATH}"></script>`,
  );
  if (!indexHtml.includes(BRIDGE_PATH))
    throw new Error(`${indexFile} has no <meta charset="UTF-8" />; the preview bridge cannot be added.`);

  let origin = '';
  const commandStreams = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      console.error('[preview]', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'Internal error');
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.host !== new URL(origin).host) return send(res, 421, 'text/plain', 'Wrong host');
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith(API_PREFIX))
      return api(req, res, decodeURIComponent(url.pathname.slice(API_PREFIX.length)));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === BRIDGE_PATH) return send(res, 200, 'text/javascript; charset=utf-8', bridgeSource);
    if (url.pathname === COMMANDS_PATH) return commandStream(req, res, url.searchParams.get('token') ?? '');
    const file = staticFile(url.pathname);
    if (file) return send(res, 200, contentTypeFor(file), readFileSync(file));
    // Everything else is the app itself (hash routes need nothing from the server).
    return send(res, 200, 'text/html; charset=utf-8', indexHtml);
  }

  function staticFile(pathname: string): string | null {
    if (pathname === '/' || pathname === '/index.html') return null;
    const resolved = path.resolve(options.rendererDir, `.${path.posix.normalize(pathname)}`);
    if (!resolved.startsWith(path.resolve(options.rendererDir) + path.sep)) return null;
    try {
      return statSync(resolved).isFile() ? resolved : null;
    } catch {
      return null;
    }
  }

  // EventSource cannot send headers, so the page's token comes in the query; same check as calls.
  function commandStream(req: IncomingMessage, res: ServerResponse, given: string) {
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b))
      return send(res, 403, 'text/plain', 'The preview token is missing or wrong.');
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.write(': commands\n\n');
    commandStreams.add(res);
    req.on('close', () => commandStreams.delete(res));
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string) {
    const refuse = (message: string) =>
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } } satisfies Envelope<never>);
    if (req.method !== 'POST')
      return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Use POST.' } });
    if (req.headers.origin !== origin) return refuse('Calls are accepted only from the preview page itself.');
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return refuse('The preview token is missing or wrong. Reload the page.');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse('Calls must send JSON.');

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        return sendJson(res, 413, {
          ok: false,
          error: {
            code: 'INVALID_INPUT',
            message: `That is too much to send to the app at once (over ${MAX_BODY_MB} MB). Choose a smaller file.`,
          },
        });
      }
      chunks.push(chunk);
    }
    let input: unknown;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
      });
    }
    sendJson(
      res,
      200,
      await dispatchAsync(handlers, ctx, channel, input, {
        validateOutput: options.validateOutput ?? true,
        onHandled: sync ? (done) => sync.afterCall(done) : undefined,
      }),
    );
  }

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => (server.off('error', reject), resolve()));
    });
  try {
    try {
      await listen(options.port ?? 0);
    } catch (error) {
      // The usual port is taken (another program, an older preview): any free one will do.
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !options.anyPortIfTaken) throw error;
      await listen(0);
    }
  } catch (error) {
    sync?.dispose();
    db.close();
    lock.release();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `Port ${options.port} on 127.0.0.1 is already used by another program; choose another with --port.`
        : `The preview could not listen on 127.0.0.1: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  lock.update({ url: `${origin}/` });
  void sync?.start();

  function broadcast(command: AppCommand): number {
    for (const stream of commandStreams) stream.write(`data: ${command}\n\n`);
    return commandStreams.size;
  }

  return {
    url: `${origin}/`,
    token,
    db,
    sendCommand: (command) => {
      if (!isAppCommand(command)) throw new Error(`${String(command)} is not an app command.`);
      return broadcast(command);
    },
    close: () =>
      new Promise<void>((resolve) => {
        // What the learner changed in the last seconds goes out before the logbook closes.
        sync?.dispose({ flush: true });
        server.closeAllConnections();
        server.close(() => {
          db.close();
          lock.release();
          resolve();
        });
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
