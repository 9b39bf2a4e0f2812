// The main-process side: logging an entry by hand, and the statistics behind the Roadmap chart
// and the Insights screen, each against the plainest SQL that does the same work.
import type { Curriculum } from '../shared/curriculum';
import type { Db } from '../electron/db/open';
import { handlers, type HandlerContext } from '../electron/handlers';
import { dispatch } from '../electron/ipc/dispatch';
import { PLAIN_GROUP_BY, plainEntryInsert, plainHoursPerItem } from '../electron/store/baselines';
import { figure, median, quantile, time, type MemorySampler, type Section } from './lib';
import { BENCH_NOW } from './seed';

const MINUTE_MS = 60_000;

const TIME_ADD_CALLS = 10_000;
const STATS_RUNS = 50;

/**
 * `time.add` through the dispatcher (zod validation, the handler's checks, its transaction: insert,
 * progress row, the entry read back with its overlap flag), as Electron's IPC runs it (no output
 * validation), against one prepared INSERT of the same row in autocommit. Both commit to the same
 * WAL file with the app's pragmas (synchronous=FULL), alternating which goes first.
 * Rows go into 2020, before the seeded years, 10 minutes apart.
 */
export function benchTimeAdd(db: Db, curriculum: Curriculum, memory: MemorySampler, calls = TIME_ADD_CALLS): Section {
  const ctx: HandlerContext = { db, curriculum, now: () => BENCH_NOW };
  const insert = plainEntryInsert(db);
  const ids = curriculum.items.map((i) => i.id);
  const base = Date.UTC(2020, 0, 1);
  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  const warmUp = 200;
  for (let i = 0; i < warmUp + calls; i++) {
    const row = {
      itemId: ids[i % ids.length]!,
      startedAt: base + i * 10 * MINUTE_MS,
      endedAt: base + i * 10 * MINUTE_MS + 5 * MINUTE_MS,
      note: 'bench',
    };
    const viaHandler = () =>
      time(() => {
        const result = dispatch(handlers, ctx, 'time.add', row);
        if (!result.ok) throw new Error(`time.add failed: ${result.error.message}`);
      });
    const manual = { ...row, source: 'manual' as const };
    const viaInsert = () => time(() => insert(manual, BENCH_NOW));
    let h: number;
    let r: number;
    if (i % 2 === 0) {
      h = viaHandler();
      r = viaInsert();
    } else {
      r = viaInsert();
      h = viaHandler();
    }
    if (i >= warmUp) {
      handlerMs.push(h);
      rawMs.push(r);
    }
    if (i % 500 === 0) memory.sample();
  }
  const p50 = median(handlerMs);
  const rawP50 = median(rawMs);
  return {
    p50: figure(p50, 'ms'),
    p99: figure(quantile(handlerMs, 0.99), 'ms'),
    rawInsertP50: figure(rawP50, 'ms'),
    rawInsertP99: figure(quantile(rawMs, 0.99), 'ms'),
    ratio: figure(
      p50 / rawP50,
      'ratio',
      { op: '<=', limit: 2 },
      `p50 of time.add over p50 of the raw INSERT, ${calls.toLocaleString('en')} calls each`,
    ),
  };
}

/**
 * A handler against the plain GROUP BY on the same database: `runs` of each, alternating, after a
 * few unmeasured ones (prepared statements, page cache); medians.
 */
function againstPlain(db: Db, run: () => unknown, runs: number, memory: MemorySampler) {
  const plain = plainHoursPerItem(db);
  const handlerMs: number[] = [];
  const plainMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    run();
    plain();
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      handlerMs.push(time(run));
      plainMs.push(time(() => plain()));
    } else {
      plainMs.push(time(() => plain()));
      handlerMs.push(time(run));
    }
    memory.sample();
  }
  return { handler: median(handlerMs), plain: median(plainMs) };
}

export function benchStats(
  db: Db,
  curriculum: Curriculum,
  memory: MemorySampler,
  runs = STATS_RUNS,
): { roadmapStats: Section; insightsStats: Section } {
  const ctx: HandlerContext = { db, curriculum, now: () => BENCH_NOW };
  const roadmap = againstPlain(db, () => handlers['stats.roadmap'](ctx, {}), runs, memory);
  const insights = againstPlain(db, () => handlers['stats.insights'](ctx, {}), runs, memory);
  const of = `median of ${runs}`;
  return {
    roadmapStats: {
      median: figure(roadmap.handler, 'ms', { op: '<', limit: 15 }, `stats.roadmap, ${of}`),
      plainGroupBy: figure(roadmap.plain, 'ms', null, `${PLAIN_GROUP_BY}, ${of}`),
      ratio: figure(roadmap.handler / roadmap.plain, 'ratio', { op: '<=', limit: 1.5 }),
    },
    insightsStats: {
      median: figure(
        insights.handler,
        'ms',
        { op: '<', limit: 50 },
        `stats.insights (weekly hours, heatmap, streaks, burn-up, calibration, forecast), ${of}`,
      ),
      plainGroupBy: figure(insights.plain, 'ms', null, `${PLAIN_GROUP_BY}, ${of}`),
      ratio: figure(
        insights.handler / insights.plain,
        'ratio',
        null,
        'for context: Insights reads every day of five years, the GROUP BY only sums per item',
      ),
    },
  };
}
