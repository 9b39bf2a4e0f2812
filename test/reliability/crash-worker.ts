// The process the crash trial kills. It opens the database file named in argv the way the app does
// (openDatabase: pragmas, migrations), says `ready`, then logs time through the real handlers and
// the real dispatcher as fast as it can, with a status change or a timer start/stop now and then.
// After each time.add that came back ok it writes `ack <id> <k>`: the entry's id and its number in
// the seed's plan (crash-plan.ts). Nothing is acknowledged before the dispatcher said ok.
//
//   node --import tsx test/reliability/crash-worker.ts FILE SEED
import { writeSync } from 'node:fs';
import { getCurriculum } from '../../curriculum';
import { itemStatuses } from '../../shared/schemas/items';
import { openDatabase } from '../../electron/db/open';
import { handlers, type HandlerContext } from '../../electron/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import { plannedEntry, prng } from './crash-plan';

/** One line to the parent, written synchronously: it is in the pipe before the next call starts. */
function say(line: string) {
  const bytes = Buffer.from(`${line}\n`);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // a non-blocking pipe that is full: the parent is reading, try again
      if (code === 'EPIPE') process.exit(0); // the parent went away
      throw error;
    }
  }
}

function fail(message: string): never {
  process.stderr.write(`crash-worker: ${message}\n`);
  process.exit(2);
}

const [file, seedText] = process.argv.slice(2);
if (!file || !seedText || !Number.isInteger(Number(seedText))) fail('usage: crash-worker FILE SEED');
const seed = Number(seedText);

const curriculum = getCurriculum();
const db = openDatabase(file, curriculum);
const ctx: HandlerContext = { db, curriculum, now: () => Date.now() };
// Resume where the last (killed) worker stopped: every manual entry on file is one of the plan's.
let k = db.prepare("SELECT COUNT(*) FROM time_entries WHERE source = 'manual'").pluck().get() as number;
const random = prng((seed ^ Math.imul(k + 7, 0x85ebca6b)) >>> 0);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
say('ready');

for (;;) {
  const roll = random();
  if (roll < 0.85) {
    const entry = plannedEntry(seed, k);
    if (entry.endedAt > Date.now() - 60_000) fail(`the plan ran out of past at entry ${k}`);
    const result = dispatch(handlers, ctx, 'time.add', entry);
    if (!result.ok) fail(`time.add of entry ${k} was refused: ${result.error.code} ${result.error.message}`);
    say(`ack ${(result.value as { id: number }).id} ${k}`);
    k += 1;
  } else if (roll < 0.93) {
    const result = dispatch(handlers, ctx, 'item.setStatus', {
      itemId: pick(curriculum.items).id,
      status: pick(itemStatuses),
    });
    if (!result.ok) fail(`item.setStatus was refused: ${result.error.message}`);
  } else {
    const running = dispatch(handlers, ctx, 'timer.current', {});
    const result =
      running.ok && running.value !== null && random() < 0.6
        ? dispatch(handlers, ctx, 'timer.stop', {})
        : dispatch(handlers, ctx, 'timer.start', { itemId: pick(curriculum.items).id, note: `crash trial ${seed}` });
    if (!result.ok) fail(`the timer call was refused: ${result.error.message}`);
  }
}
