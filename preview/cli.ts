// `npm run preview -- [--db FILE] [--port N] [--demo]`: the app in a browser, over the real handlers.
// `--demo` fills a new database with the demo learner (a fresh .preview-data/demo.db unless --db is
// given, and then only if that file holds no learner's data yet).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { getCurriculum } from '../curriculum';
import { openDatabase } from '../electron/db/open';
import { canFillDemo, fillDemoLearner } from '../electron/demo/demo-learner';
import { runMain } from '../scripts/run-main';
import { startPreview } from './server';

const root = path.resolve(import.meta.dirname, '..');

export const USAGE = 'Usage: npm run preview -- [--db FILE] [--port N] [--demo]';

export interface PreviewArgs {
  dbFile: string;
  port: number;
  /**
   * false: no demo. 'fresh': the demo's own file, recreated on every run. 'if-empty': the demo goes
   * into the file given with --db, only if it holds no learner's data.
   */
  demo: false | 'fresh' | 'if-empty';
}

export function parseArgs(argv: readonly string[]): PreviewArgs {
  let dbFile: string | undefined;
  let port = 5180;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--db' && value) (dbFile = path.resolve(value)), i++;
    else if (arg === '--port' && value && /^\d+$/.test(value) && Number(value) < 65536) (port = Number(value)), i++;
    else if (arg === '--demo') demo = true;
    else throw new Error(`Unknown or incomplete option "${arg}". ${USAGE}`);
  }
  if (!demo) return { dbFile: dbFile ?? path.join(root, '.preview-data', 'companion.db'), port, demo: false };
  if (dbFile) return { dbFile, port, demo: 'if-empty' };
  return { dbFile: path.join(root, '.preview-data', 'demo.db'), port, demo: 'fresh' };
}

/** Writes the demo learner into `dbFile`; refuses a file that already holds a learner's data. */
function writeDemo(dbFile: string, demo: 'fresh' | 'if-empty') {
  if (demo === 'fresh') for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  const curriculum = getCurriculum();
  const db = openDatabase(dbFile, curriculum);
  try {
    if (!canFillDemo(db)) {
      throw new Error(`${dbFile} already holds a learner's data; the demo is written only into a new database.`);
    }
    const summary = fillDemoLearner({ db, curriculum, now: Date.now });
    console.log(
      `Demo learner written: ${summary.entries} entries, ${summary.totalHours} hours since ${summary.planStartDate}.`,
    );
  } finally {
    db.close();
  }
}

async function main() {
  const { dbFile, port, demo } = parseArgs(process.argv.slice(2));
  mkdirSync(path.dirname(dbFile), { recursive: true });
  if (demo) writeDemo(dbFile, demo);
  const preview = await startPreview({ dbFile, port, rendererDir: path.join(root, 'dist', 'renderer') });
  // Tests read this line to find the port; keep its shape.
  console.log(`Preview ready at ${preview.url} (data: ${dbFile})`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

runMain(import.meta.filename, main);
