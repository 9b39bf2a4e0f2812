// `npm run preview -- [--db FILE] [--port N] [--demo]`: the app in a browser, over the real handlers.
// `--demo` fills a new database with the demo learner (a fresh .preview-data/demo.db unless --db is
// given, and then only if that file holds no learner's data yet).
import { mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { getCurriculum } from '../curriculum';
import { openDatabase } from '../electron/db/open';
import { canFillDemo, fillDemoLearner } from '../electron/demo/demo-learner';
import { demoRepositoryFolder, writeDemoRepository } from '../electron/demo/demo-repo';
import { runMain } from '../scripts/run-main';
import { desktopDataDir } from './desktop-data-dir';
import { openInBrowser } from './open-browser';
import { startPreview } from './server';

const root = path.resolve(import.meta.dirname, '..');

const USAGE = 'Usage: npm run preview -- [--db FILE | --desktop-data] [--port N] [--demo] [--open]';

export interface PreviewArgs {
  dbFile: string;
  port: number;
  /** Open the system's browser on the address once it is ready. */
  open: boolean;
  /** True when no --port was given: another free port will do if the usual one is taken. */
  anyPortIfTaken: boolean;
  /**
   * false: no demo. 'fresh': the demo's own file, recreated on every run. 'if-empty': the demo goes
   * into the file given with --db, only if it holds no learner's data.
   */
  demo: false | 'fresh' | 'if-empty';
}

export function parseArgs(
  argv: readonly string[],
  dataDir: () => string = () => desktopDataDir({ platform: process.platform, env: process.env, home: homedir() }),
): PreviewArgs {
  let dbFile: string | undefined;
  let port: number | undefined;
  let demo = false;
  let open = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--db' && value) {
      dbFile = path.resolve(value);
      i++;
    }
    // The desktop app's own data folder: the learner's real logbook (npm start's browser version).
    else if (arg === '--desktop-data') dbFile = path.join(dataDir(), 'companion.db');
    else if (arg === '--port' && value && /^\d+$/.test(value) && Number(value) < 65536) {
      port = Number(value);
      i++;
    } else if (arg === '--demo') demo = true;
    else if (arg === '--open') open = true;
    else throw new Error(`Unknown or incomplete option "${arg}". ${USAGE}`);
  }
  const common = { port: port ?? 5180, open, anyPortIfTaken: port === undefined };
  if (!demo) return { dbFile: dbFile ?? path.join(root, '.preview-data', 'companion.db'), ...common, demo: false };
  if (dbFile) return { dbFile, ...common, demo: 'if-empty' };
  return { dbFile: path.join(root, '.preview-data', 'demo.db'), ...common, demo: 'fresh' };
}

/**
 * Writes the demo learner into `dbFile`, and its git repository beside it (demo-repos/, linked to
 * Project 4.3); refuses a file that already holds a learner's data.
 */
async function writeDemo(dbFile: string, demo: 'fresh' | 'if-empty') {
  if (demo === 'fresh') for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  const curriculum = getCurriculum();
  const db = openDatabase(dbFile, curriculum);
  try {
    if (!canFillDemo(db)) {
      throw new Error(`${dbFile} already holds a learner's data; the demo is written only into a new database.`);
    }
    const ctx = { db, curriculum, now: Date.now };
    const summary = fillDemoLearner(ctx);
    const commits = await writeDemoRepository(ctx, demoRepositoryFolder(dbFile));
    console.log(
      `Demo learner written: ${summary.entries} entries, ${summary.totalHours} hours since ${summary.planStartDate}, and a repository of ${commits} commits linked to Project 4.3.`,
    );
  } finally {
    db.close();
  }
}

async function main() {
  const { dbFile, port, demo, open, anyPortIfTaken } = parseArgs(process.argv.slice(2));
  mkdirSync(path.dirname(dbFile), { recursive: true });
  if (demo) await writeDemo(dbFile, demo);
  const preview = await startPreview({
    dbFile,
    port,
    anyPortIfTaken,
    rendererDir: path.join(root, 'dist', 'renderer'),
  });
  // Tests and npm start read this line to find the port; keep its shape.
  console.log(`Preview ready at ${preview.url} (data: ${dbFile})`);
  if (open) openInBrowser(preview.url);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

runMain(import.meta.filename, main);
