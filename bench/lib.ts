// What every measurement shares: order statistics, figures with their budgets, the table, and the
// memory sampler.
import { getHeapSpaceStatistics } from 'node:v8';
import { percentile } from '../electron/stats/insights';

export type Unit = 'ms' | 'ratio' | 'KB' | 'MB' | 'pages' | 'count';

export interface Budget {
  op: '<' | '<=';
  limit: number;
}

/** One number in bench/results.json: its value, its budget (null for context figures) and whether it holds. */
export interface Figure {
  value: number;
  unit: Unit;
  budget: Budget | null;
  holds: boolean | null;
  note?: string;
}

export type Section = Record<string, Figure>;

export function figure(value: number, unit: Unit, budget: Budget | null = null, note?: string): Figure {
  const holds = budget === null ? null : budget.op === '<' ? value < budget.limit : value <= budget.limit;
  return { value: round(value), unit, budget, holds, ...(note ? { note } : {}) };
}

const round = (value: number) => (Number.isInteger(value) ? value : Math.round(value * 1000) / 1000);

/** The p-quantile (0..1), linear between closest ranks (numpy's default): the app's own, from Insights. */
export const quantile = percentile;
export const median = (values: readonly number[]) => quantile(values, 0.5);

/** Milliseconds one synchronous call takes. */
export function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * Peak resident memory of this process: sampled on a timer, and by hand inside synchronous loops
 * (where no timer can run). `maxRss` is the kernel's own high-water mark for the whole run.
 */
export class MemorySampler {
  peakRss = 0;
  /** V8's heap (all spaces) and its young generation at the peak, for BENCH_DEBUG. */
  atPeak = { heapTotal: 0, young: 0 };
  private timer: NodeJS.Timeout | undefined;

  start(everyMs = 25) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample() {
    const rss = process.memoryUsage.rss();
    if (rss <= this.peakRss) return;
    this.peakRss = rss;
    if (!process.env.BENCH_DEBUG) return;
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    this.atPeak = { heapTotal: process.memoryUsage().heapTotal, young };
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
  }

  /** ru_maxrss: kilobytes on Linux, as Node reports it. */
  static maxRss(): number {
    return process.resourceUsage().maxRSS * 1024;
  }
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

function show(value: number, unit: Unit): string {
  const digits =
    unit === 'ratio' ? 2 : unit === 'ms' ? (value < 10 ? 2 : 1) : unit === 'pages' || unit === 'count' ? 0 : 1;
  const text = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'ratio' ? `${text}×` : unit === 'pages' || unit === 'count' ? text : `${text} ${unit}`;
}

const showBudget = (budget: Budget | null, unit: Unit) => (budget ? `${budget.op} ${show(budget.limit, unit)}` : '');

/** The readable table: one row per figure, budgets and verdicts beside them. */
export function table(sections: Record<string, Section>): string {
  const rows: [string, string, string, string][] = [['figure', 'value', 'budget', '']];
  for (const [section, figures] of Object.entries(sections)) {
    for (const [name, f] of Object.entries(figures)) {
      rows.push([
        `${section}.${name}`,
        show(f.value, f.unit),
        showBudget(f.budget, f.unit),
        f.holds === null ? '' : f.holds ? 'ok' : 'MISSED',
      ]);
    }
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    `${pad(r[0]!, widths[0]!)}  ${pad(r[1]!, widths[1]!, true)}  ${pad(r[2]!, widths[2]!)}  ${r[3]}`.trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Every figure with a budget that does not hold, as "section.name". */
export function missed(sections: Record<string, Section>): string[] {
  return Object.entries(sections).flatMap(([section, figures]) =>
    Object.entries(figures)
      .filter(([, f]) => f.holds === false)
      .map(([name]) => `${section}.${name}`),
  );
}
