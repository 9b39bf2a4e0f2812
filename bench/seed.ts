// The benchmark's learner: 100,000 time entries over all 24 items and 5 years, the same on every
// run (a seeded generator, fixed instants), plus statuses, settings and 24 filled portfolio entries.
//
// The entries go in with one prepared INSERT in one transaction (through the handlers they would
// take minutes of fsyncs and measure nothing we report); everything else goes through the real
// dispatcher, so the database is one the app itself could have written.
import { portfolioFieldKeys, type Curriculum, type PortfolioFieldKey } from '../shared/curriculum';
import type { ChannelInput } from '../shared/contract';
import { openDatabase, type Db } from '../electron/db/open';
import { handlers, type HandlerContext } from '../electron/handlers';
import { checkpoint, plainEntryInsert } from '../electron/store/baselines';
import { dispatch } from '../electron/ipc/dispatch';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The benchmark's "now": every handler's clock, so results do not depend on the day it runs. */
export const BENCH_NOW = Date.UTC(2026, 5, 1, 10, 0); // Monday 2026-06-01, 12:00 in Berlin
const ENTRY_COUNT = 100_000;
const SEED_DAYS = 5 * 365 + 1; // five years up to yesterday
/** The first day of the seeded span, 00:00 UTC. */
export const FIRST_DAY = Date.UTC(2026, 5, 1) - SEED_DAYS * DAY_MS;

import { mulberry32 as random } from '../shared/random';
export { random };

export interface SeedSummary {
  entries: number;
  studyDays: number;
  firstDay: string;
  lastDay: string;
  hours: number;
}

/**
 * The entries: about one day in ten is a rest day; the others share the 100,000 entries evenly
 * (about 61 each), each in its own slot between 06:00 and 24:00 UTC, 4 to 14 minutes long, on
 * an item drawn uniformly from the 24. No two entries overlap; none is in the future.
 */
export function* benchEntries(
  curriculum: Curriculum,
  count = ENTRY_COUNT,
): Generator<[string, number, number, string, 'timer' | 'manual']> {
  const rand = random(20260601);
  const ids = curriculum.items.map((i) => i.id);
  const studyDays: number[] = [];
  for (let d = 0; d < SEED_DAYS; d++) if (rand() >= 0.1) studyDays.push(FIRST_DAY + d * DAY_MS);
  const notes = ['', '', '', 'reading', 'lab', 'debugging the pipeline', 'review'];
  let emitted = 0;
  for (let k = 0; k < studyDays.length; k++) {
    const day = studyDays[k]!;
    const n = Math.floor(((k + 1) * count) / studyDays.length) - Math.floor((k * count) / studyDays.length);
    const slot = Math.floor((18 * 60) / n) * MINUTE_MS; // 18 hours of slots
    for (let j = 0; j < n; j++) {
      const start = day + 6 * 60 * MINUTE_MS + j * slot + Math.floor(rand() * 3) * MINUTE_MS;
      const minutes = 4 + Math.floor(rand() * 11);
      const itemId = ids[Math.floor(rand() * ids.length)]!;
      const note = notes[Math.floor(rand() * notes.length)]!;
      yield [itemId, start, start + minutes * MINUTE_MS, note, rand() < 0.6 ? 'timer' : 'manual'];
      emitted++;
    }
  }
  if (emitted !== count) throw new Error(`Seeded ${emitted} entries, expected ${count}.`);
}

function call(ctx: HandlerContext, channel: string, input: unknown) {
  const result = dispatch(handlers, ctx, channel, input, { validateOutput: true });
  if (!result.ok) throw new Error(`${channel} failed while seeding: ${result.error.message}`);
  return result.value;
}

const paragraph = (item: string, topic: string, sentences: number) =>
  Array.from(
    { length: sentences },
    (_, i) =>
      `${topic} for ${item}, part ${i + 1}: the pipeline was versioned, tested and deployed behind a feature flag, with metrics, alerts and a rollback path documented for the next person.`,
  ).join(' ');

/**
 * Sentences per long field: four make about 700 characters, twice the longest the demo learner
 * writes (200-350 per field, electron/demo), so 24 entries print on 52 pages: a generous portfolio.
 */
const SENTENCES_PER_FIELD = 4;

/** A portfolio entry with every field and link filled, as a learner who finished the item writes it. */
function filledPortfolio(itemId: string, title: string): ChannelInput<'portfolio.update'> {
  const lines: Partial<Record<PortfolioFieldKey, string>> = {
    projectTitle: `${title}: production version`,
    duration: '3 weeks',
    technologiesUsed: 'Python, Docker, Kubernetes, MLflow, DVC, GitHub Actions, Prometheus, Grafana',
  };
  const fields = Object.fromEntries(
    portfolioFieldKeys.map((key) => [
      key,
      lines[key] ?? paragraph(itemId, key.replace(/([A-Z])/g, ' $1').toLowerCase(), SENTENCES_PER_FIELD),
    ]),
  ) as Record<PortfolioFieldKey, string>;
  const slug = itemId.replace('.', '-');
  return {
    itemId,
    included: true,
    fields,
    links: {
      githubRepository: `https://github.com/example-learner/mlops-${slug}`,
      liveDemo: `https://demo.example.org/${slug}`,
      documentation: `https://docs.example.org/${slug}`,
    },
  };
}

/** Creates `file` and fills it with the benchmark's learner. The file must not exist. */
export function seedBenchDatabase(file: string, curriculum: Curriculum): SeedSummary {
  const db: Db = openDatabase(file, curriculum);
  try {
    const ctx: HandlerContext = { db, curriculum, now: () => BENCH_NOW };
    const insert = plainEntryInsert(db);
    let entries = 0;
    let ms = 0;
    const days = new Set<number>();
    let first = Infinity;
    let last = -Infinity;
    db.transaction(() => {
      for (const [itemId, start, end, note, source] of benchEntries(curriculum)) {
        insert({ itemId, startedAt: start, endedAt: end, note, source }, end);
        entries++;
        ms += end - start;
        days.add(Math.floor(start / DAY_MS));
        first = Math.min(first, start);
        last = Math.max(last, end);
      }
    })();

    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    // Five years in: the plan started at the first entry and the curriculum is mostly done.
    call(ctx, 'settings.update', {
      planStartDate: day(FIRST_DAY),
      targetDate: '2026-12-31',
      learnerName: 'Bench Learner',
    });
    curriculum.items.forEach((item, i) => {
      const status = i < 18 ? 'done' : i === 18 ? 'skipped' : 'in_progress';
      call(ctx, 'item.setStatus', { itemId: item.id, status });
    });
    for (const item of curriculum.items) call(ctx, 'portfolio.update', filledPortfolio(item.id, item.title));
    // No ANALYZE: the app never runs it, so the planner here sees what it sees on a learner's machine.
    checkpoint(db);
    return {
      entries,
      studyDays: days.size,
      firstDay: day(first),
      lastDay: day(last),
      hours: Math.round(ms / 3_600_000),
    };
  } finally {
    db.close();
  }
}
