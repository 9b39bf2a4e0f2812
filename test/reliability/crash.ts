// Crash safety: start the worker on a database file, kill it with SIGKILL at a random moment while it
// writes, reopen the file as the app would, and check that every entry the worker acknowledged is
// there, exactly as planned, and that SQLite finds the file sound. Then again, on the same file.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { getCurriculum } from '../../curriculum';
import { openDatabase } from '../../electron/db/open';
import { plannedEntry, prng } from './crash-plan';

export interface CrashTrialOptions {
  kills: number;
  dbFile: string;
  seed: number;
  /** The random wait after the worker says `ready`, in ms. 20..200 unless told. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** Called after each kill has been checked. */
  onKill?: (done: number, result: CrashTrialResult) => void;
}

export interface CrashTrialResult {
  kills: number;
  /** Entries the worker acknowledged (an `ack` line the parent read), over all kills. */
  acknowledged: number;
  /** Acknowledged entries missing after a reopen, or not as planned: each counted once. */
  lost: number;
  /** Reopens where the file did not open, `PRAGMA integrity_check` was not 'ok', a foreign key dangled or the per-item totals were off. */
  integrityFailures: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const workerFile = path.join(here, 'crash-worker.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Row {
  id: number;
  item_id: string;
  started_at: number;
  ended_at: number;
  note: string;
  source: string;
}

/** Runs the worker once: resolves with the acks read from it after it was killed `delayMs` after `ready`. */
function runWorker(dbFile: string, seed: number, delayMs: number): Promise<[id: number, k: number][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, workerFile, dbFile, String(seed)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: [number, number][] = [];
    let pending = '';
    let stderr = '';
    let killedByUs = false;
    const kill = () => {
      killedByUs = true;
      child.kill('SIGKILL');
    };
    const startTimeout = setTimeout(() => {
      kill();
      reject(new Error(`The crash worker did not say ready within 60 s. ${stderr}`));
    }, 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!; // an unfinished line is not an ack yet
      for (const line of lines) {
        if (line === 'ready') {
          clearTimeout(startTimeout);
          setTimeout(kill, delayMs);
        } else if (line.startsWith('ack ')) {
          const [, id, k] = line.split(' ');
          acks.push([Number(id), Number(k)]);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(startTimeout);
      if (killedByUs && signal === 'SIGKILL') resolve(acks);
      else
        reject(
          new Error(
            `The crash worker ended by itself (code ${code}, signal ${signal}): ${stderr.trim() || '(no output)'}`,
          ),
        );
    });
  });
}

export async function runCrashTrial({
  kills,
  dbFile,
  seed,
  minDelayMs = 20,
  maxDelayMs = 200,
  onKill,
}: CrashTrialOptions): Promise<CrashTrialResult> {
  const curriculum = getCurriculum();
  const random = prng(seed);
  const acknowledged = new Map<number, number>(); // id → k
  const lostIds = new Set<number>();
  let integrityFailures = 0;
  const result = (done: number): CrashTrialResult => ({
    kills: done,
    acknowledged: acknowledged.size,
    lost: lostIds.size,
    integrityFailures,
  });

  for (let kill = 1; kill <= kills; kill++) {
    const delayMs = minDelayMs + Math.floor(random() * (maxDelayMs - minDelayMs + 1));
    for (const [id, k] of await runWorker(dbFile, seed, delayMs)) acknowledged.set(id, k);

    let db;
    try {
      db = openDatabase(dbFile, curriculum);
    } catch {
      integrityFailures += 1;
      for (const id of acknowledged.keys()) lostIds.add(id);
      onKill?.(kill, result(kill));
      continue;
    }
    try {
      const integrity = db.pragma('integrity_check', { simple: true });
      const danglingKeys = db.pragma('foreign_key_check') as unknown[];
      // The per-item totals the triggers keep must still equal the entries they add up.
      const totalsOff = db
        .prepare(
          `SELECT COUNT(*) FROM (SELECT item_id, COUNT(*) AS n, SUM(ended_at - started_at) AS ms FROM time_entries GROUP BY item_id) e
           FULL JOIN (SELECT * FROM item_totals WHERE entries > 0) t USING (item_id) WHERE t.entries IS NOT e.n OR t.ms IS NOT e.ms`,
        )
        .pluck()
        .get() as number;
      if (integrity !== 'ok' || danglingKeys.length > 0 || totalsOff > 0) integrityFailures += 1;
      // Every acknowledged entry so far, not just this round's: a later crash must not lose an earlier one.
      const rows = new Map(
        (db.prepare('SELECT id, item_id, started_at, ended_at, note, source FROM time_entries').all() as Row[]).map(
          (r) => [r.id, r],
        ),
      );
      for (const [id, k] of acknowledged) {
        const row = rows.get(id);
        const planned = plannedEntry(seed, k);
        const asPlanned =
          row !== undefined &&
          row.source === 'manual' &&
          row.item_id === planned.itemId &&
          row.started_at === planned.startedAt &&
          row.ended_at === planned.endedAt &&
          row.note === planned.note;
        if (!asPlanned) lostIds.add(id);
      }
    } finally {
      db.close();
    }
    onKill?.(kill, result(kill));
  }
  return result(kills);
}
