// The handler process of `npm run bench`: what the desktop app's main process holds (the handlers,
// the curriculum, the 100,000-entry database) and nothing of the benchmark's own tools (Playwright,
// tsx). bench/run.ts bundles it with esbuild, as scripts/build-electron.mjs bundles the main
// process, starts it with plain `node`, and drives it over IPC: it runs the handler measurements,
// then serves the app (the browser preview) for the Chromium measurements, and reports its own
// memory at the end.
import { copyFileSync, rmSync } from 'node:fs';
import { getCurriculum } from '../curriculum';
import type { ChannelOutput } from '../shared/contract';
import type { PaperSize } from '../shared/schemas/portfolio';
import { AppError } from '../shared/errors';
import { openDatabase, type Db } from '../electron/db/open';
import { startPreview, type Preview } from '../preview/server';
import { benchStats, benchTimeAdd } from './handlers';
import { MemorySampler } from './lib';
import { BENCH_NOW } from './seed';

export type HostRequest =
  | { id: number; type: 'timeAdd'; dbFile: string; scratchFile: string }
  | { id: number; type: 'stats'; dbFile: string }
  | { id: number; type: 'serve'; dbFile: string; rendererDir: string }
  | { id: number; type: 'memory' }
  | { id: number; type: 'stop' };

export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * The other way round: the app's portfolio.exportPdf, asked of the benchmark, which holds the page
 * to print (Playwright), as main holds the app's window. `exportPdf` goes out, `exportPdfDone` back.
 */
export type PrintRequest = { kind: 'exportPdf'; callId: number; paper: PaperSize };
export type PrintReply =
  | { kind: 'exportPdfDone'; callId: number; ok: true; value: ChannelOutput<'portfolio.exportPdf'> }
  | { kind: 'exportPdfDone'; callId: number; ok: false; error: string };

const memory = new MemorySampler();
memory.start();
const curriculum = getCurriculum();
let db: Db | null = null;
let preview: Preview | null = null;
let nextPrint = 1;
const printing = new Map<
  number,
  { resolve: (value: ChannelOutput<'portfolio.exportPdf'>) => void; reject: (error: Error) => void }
>();

/** The exporter the preview gets: it asks the benchmark to print the page that called it. */
const exportPdf = (paper: PaperSize) =>
  new Promise<ChannelOutput<'portfolio.exportPdf'>>((resolve, reject) => {
    const callId = nextPrint++;
    printing.set(callId, { resolve, reject });
    process.send!({ kind: 'exportPdf', callId, paper } satisfies PrintRequest);
  });

async function handle(request: HostRequest): Promise<unknown> {
  switch (request.type) {
    case 'timeAdd': {
      // On a copy: the statistics and the pages are measured on exactly 100,000 entries.
      copyFileSync(request.dbFile, request.scratchFile);
      const scratch = openDatabase(request.scratchFile, curriculum);
      try {
        return benchTimeAdd(scratch, curriculum, memory);
      } finally {
        scratch.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(request.scratchFile + suffix, { force: true });
      }
    }
    case 'stats':
      db ??= openDatabase(request.dbFile, curriculum);
      return benchStats(db, curriculum, memory);
    case 'serve':
      // The preview opens the database itself: one connection, as in the app.
      db?.close();
      db = null;
      // Answers go out unchecked against the contract, as in the desktop app (the preview checks them).
      preview = await startPreview({
        dbFile: request.dbFile,
        rendererDir: request.rendererDir,
        now: () => BENCH_NOW,
        validateOutput: false,
        exportPdf,
      });
      return preview.url;
    case 'memory':
      memory.sample();
      return { peakRss: memory.peakRss, maxRss: MemorySampler.maxRss() };
    case 'stop':
      await preview?.close();
      db?.close();
      memory.stop();
      setImmediate(() => process.disconnect());
      return null;
  }
}

/** BENCH_DEBUG=1 npm run bench: this process's memory before each request, to see where it goes. */
const debug = (label: string) => {
  if (!process.env.BENCH_DEBUG) return;
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const { heapTotal: peakHeap, young } = memory.atPeak;
  console.log(
    `  [host ${label}: rss ${mb(rss)} heap ${mb(heapUsed)}/${mb(heapTotal)} external ${mb(external)}, peak ${mb(memory.peakRss)} (heap ${mb(peakHeap)}, young generation ${mb(young)})]`,
  );
};
debug('started');

process.on('message', (request: HostRequest | PrintReply) => {
  if ('kind' in request) {
    const waiting = printing.get(request.callId);
    printing.delete(request.callId);
    if (request.ok) waiting?.resolve(request.value);
    else waiting?.reject(new AppError('INTERNAL', request.error));
    return;
  }
  debug(`before ${request.type}`);
  handle(request).then(
    (value) => process.send!({ id: request.id, ok: true, value } satisfies HostReply),
    (error: unknown) =>
      process.send!({
        id: request.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies HostReply),
  );
});
