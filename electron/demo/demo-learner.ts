// The demo learner: "Alex Rivera", about four months into the curriculum. Phase 1 is done (one item
// skipped, a few over their estimate), Phase 2 is under way, a few weeks were missed and the last
// ten days are a streak, so every screen and chart has something to show. The portfolio has four
// written-up entries (projects 4.1 and 4.2, exercises 2.3 and 3.1), each project is self-assessed
// twice with a better score the second time, and three Phase 1 milestones are ticked by hand.
//
// Everything is written through the real handlers and the dispatcher, so each entry passes the
// same validation as the app's, and each call runs with the clock set to the simulated moment it
// happened (time.add refuses entries that end in the future). The story (story.ts) is drawn from a small
// seeded generator: the same seed and the same `today` give the same database, row for row.
import type { Channel, ChannelInput } from '../../shared/contract';
import type { AssessmentScores } from '../../shared/schemas/assessment';
import { itemById, type CurriculumItem } from '../../shared/curriculum';
import { addDays, addMonths, daysBetweenDates, weekStart, type LocalDate } from '../../shared/dates';
import { MINUTE_MS } from '../../shared/time';
import type { Db } from '../db/open';
import { handlers, type HandlerContext } from '../handlers';
import { dispatch } from '../ipc/dispatch';
import { localDateOf } from '../stats/local-days';
import { LEARNER_TABLES } from '../db/tables';
import { mulberry32 } from '../../shared/random';
import { countRows } from '../store/logbook';
import {
  DEMO_ASSESSMENTS,
  DEMO_LEARNER_NAME,
  DEMO_MANUAL_MILESTONES,
  DEMO_PLAN_DAYS,
  DEMO_PORTFOLIO,
  ENTRY_NOTES,
  GENERIC_NOTES,
  IN_PROGRESS_TICKS,
  ITEM_NOTES,
  PLAN,
  type Outcome,
} from './story';

export { mulberry32 };

export interface DemoOptions {
  seed?: number;
  /** The moment the demo is "now" (epoch ms); defaults to ctx.now(). */
  today?: number;
}

export interface DemoSummary {
  entries: number;
  totalHours: number;
  planStartDate: LocalDate;
}

/** What a learner made (settings aside: the app writes the plan start on first open). */
const MADE_BY_A_LEARNER = LEARNER_TABLES.filter((table) => table !== 'settings');

/**
 * True when `db` holds no learner's data yet: no time entries, no item progress, no ticks, no
 * running timer, no portfolio text, no self-assessment and no milestone ticked by hand. The demo is
 * written only into such a database.
 */
export function canFillDemo(db: Db): boolean {
  return countRows(db, MADE_BY_A_LEARNER).every((n) => n === 0);
}

// --- the seeded generator -------------------------------------------------------------------

interface Rng {
  next: () => number;
  /** A whole number in [min, max]. */
  int: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(list: readonly T[]) => T;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (list) => list[int(0, list.length - 1)]!,
  };
}

interface Session {
  itemId: string;
  minutes: number;
}

/** Minutes Alex spends on an item, by how it went compared with the estimate; multiples of 5. */
function targetMinutes(item: CurriculumItem, outcome: Outcome, rng: Rng): number {
  const { minHours: min, maxHours: max } = item.estimate;
  const hours = (() => {
    switch (outcome) {
      case 'inside':
        return min + (max - min) * (0.15 + 0.75 * rng.next());
      case 'under':
        return min * (0.8 + 0.15 * rng.next());
      case 'over':
        return max * (1.1 + 0.2 * rng.next());
      case 'skipped':
        return 0.75 + 0.5 * rng.next();
      case 'in_progress':
        return item.id === '5.1' ? 1 + rng.next() : min * (0.4 + 0.15 * rng.next());
    }
  })();
  return Math.max(30, Math.round((hours * 60) / 5) * 5);
}

/** Splits `total` minutes into sessions of 30 to 150 minutes, multiples of 5, in a random order. */
function splitIntoSessions(total: number, rng: Rng): number[] {
  const units = total / 5;
  const fewest = Math.ceil(total / 150);
  const most = Math.max(fewest, Math.floor(total / 30));
  const k = Math.min(most, Math.max(fewest, Math.round(total / (70 + 40 * rng.next()))));
  const parts = Array.from({ length: k }, (_, i) => 5 * (Math.floor(units / k) + (i < units % k ? 1 : 0)));
  for (let move = 0; move < 4 * k && k > 1; move++) {
    const from = rng.int(0, k - 1);
    const to = rng.int(0, k - 1);
    const amount = 5 * rng.int(1, 6);
    if (from !== to && parts[from]! - amount >= 30 && parts[to]! + amount <= 150) {
      parts[from]! -= amount;
      parts[to]! += amount;
    }
  }
  return parts;
}

function planSessions(ctx: HandlerContext, rng: Rng): { sessions: Session[]; outcomes: Map<string, Outcome> } {
  const perItem = new Map<string, number[]>();
  const outcomes = new Map<string, Outcome>();
  for (const { itemId, outcome } of PLAN) {
    const item = itemById(ctx.curriculum.items, itemId);
    if (!item) throw new Error(`The demo learner needs curriculum item ${itemId}.`);
    perItem.set(itemId, splitIntoSessions(targetMinutes(item, outcome, rng), rng));
    outcomes.set(itemId, outcome);
  }
  const sessions: Session[] = [];
  const push = (itemId: string, parts: readonly number[]) =>
    parts.forEach((minutes) => sessions.push({ itemId, minutes }));
  for (const { itemId } of PLAN) {
    if (itemId === '4.3' || itemId === '5.1') continue;
    push(itemId, perItem.get(itemId)!);
  }
  // 5.1 gets a first look while 4.3 is still under way; the latest sessions are on 4.3 again.
  const rt = perItem.get('4.3')!;
  const cut = Math.max(1, rt.length - 2);
  push('4.3', rt.slice(0, cut));
  push('5.1', perItem.get('5.1')!);
  push('4.3', rt.slice(cut));
  return { sessions, outcomes };
}

interface Slot {
  date: LocalDate;
  /** Local time the session starts, in minutes after midnight; may be pinned later. */
  startMinute?: number;
}

/** The days Alex studies: 3-6 a week, a few whole weeks missed, every one of the last ten days. */
function planDays(
  planStart: LocalDate,
  todayDate: LocalDate,
  todayMinute: number,
  needed: number,
  rng: Rng,
): {
  days: LocalDate[];
  missedWeeks: LocalDate[];
  studiesToday: boolean;
} {
  const firstMonday = weekStart(planStart);
  const weekCount = Math.floor(daysBetweenDates(firstMonday, todayDate) / 7) + 1;
  const missedIndexes = rng.chance(0.5)
    ? [5 + rng.int(0, 1), 11 + rng.int(0, 1)]
    : [4 + rng.int(0, 1), 8 + rng.int(0, 1), 12 + rng.int(0, 1)];
  const missedWeeks = missedIndexes.filter((w) => w < weekCount - 3).map((w) => addDays(firstMonday, 7 * w));

  // The current streak: every day of the last ten, and today too if the evening session is over.
  const studiesToday = todayMinute >= 20 * 60 + 30;
  const forced = new Set<LocalDate>();
  for (let back = 10; back >= 1; back--) forced.add(addDays(todayDate, -back));
  if (studiesToday) forced.add(todayDate);

  interface Week {
    free: LocalDate[];
    forcedCount: number;
    min: number;
    max: number;
    take: number;
  }
  const weeks: Week[] = [];
  for (let w = 0; w < weekCount; w++) {
    const monday = addDays(firstMonday, 7 * w);
    if (missedWeeks.includes(monday)) continue;
    const free: LocalDate[] = [];
    let forcedCount = 0;
    for (let d = 0; d < 7; d++) {
      const date = addDays(monday, d);
      if (date < planStart || date > todayDate) continue;
      if (forced.has(date)) forcedCount++;
      else if (date < todayDate) free.push(date);
    }
    const max = Math.min(free.length, Math.max(0, 6 - forcedCount));
    const min = Math.min(max, Math.max(0, 3 - forcedCount));
    weeks.push({ free, forcedCount, min, max, take: rng.int(min, max) });
  }
  // Adjust the weekly counts until there is exactly one day per planned session.
  let diff = needed - forced.size - weeks.reduce((sum, w) => sum + w.take, 0);
  for (let guard = 0; diff !== 0 && guard < 10_000; guard++) {
    const week = rng.pick(weeks);
    if (diff > 0 && week.take < week.max) {
      week.take++;
      diff--;
    } else if (diff < 0 && week.take > week.min) {
      week.take--;
      diff++;
    }
  }
  if (diff !== 0) throw new Error(`The demo calendar cannot hold ${needed} sessions.`);

  const days = [...forced];
  for (const week of weeks) {
    const pool = [...week.free];
    for (let i = 0; i < week.take; i++) days.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  }
  days.sort();
  return { days, missedWeeks, studiesToday };
}

const weekdayOf = (date: LocalDate) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday

function localInstant(date: LocalDate, minuteOfDay: number): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60).getTime();
}

/** A start time: weekday evenings, weekend mornings or evenings, never ending after 23:30. */
function startMinuteFor(date: LocalDate, minutes: number, rng: Rng): number {
  const weekday = weekdayOf(date);
  const weekend = weekday === 0 || weekday === 6;
  if (weekend && rng.chance(0.6)) return 5 * rng.int((8 * 60 + 30) / 5, (11 * 60) / 5);
  const latest = Math.min(21 * 60 + 30, 23 * 60 + 30 - minutes);
  return 5 * rng.int((18 * 60) / 5, Math.floor(latest / 5));
}

// --- writing it ------------------------------------------------------------------------------

interface Event {
  at: number;
  channel: Channel;
  input: unknown;
}

/** Fills `ctx.db` with the demo learner. Throws if any handler refuses a call. */
export function fillDemoLearner(ctx: HandlerContext, options: DemoOptions = {}): DemoSummary {
  const seed = options.seed ?? 42;
  const today = options.today ?? ctx.now();
  const rng = makeRng(seed);
  const todayDate = localDateOf(today);
  const todayMinute = Math.floor((today - localInstant(todayDate, 0)) / MINUTE_MS);
  const planStart = addDays(todayDate, -DEMO_PLAN_DAYS);

  const { sessions, outcomes } = planSessions(ctx, rng);
  const { days, missedWeeks, studiesToday } = planDays(planStart, todayDate, todayMinute, sessions.length, rng);

  // Start times; one evening runs past midnight (a Tuesday to Thursday in the middle, so the
  // spill-over never lands in a missed week).
  const slots: Slot[] = days.map((date, i) => ({ date, startMinute: startMinuteFor(date, sessions[i]!.minutes, rng) }));
  const middle = slots.findIndex(
    (slot, i) =>
      i >= Math.floor(slots.length * 0.4) &&
      [2, 3, 4].includes(weekdayOf(slot.date)) &&
      sessions[i]!.minutes >= 60 &&
      !missedWeeks.includes(weekStart(addDays(slot.date, 1))),
  );
  if (middle < 0) throw new Error('The demo calendar has no evening to run past midnight.');
  slots[middle]!.startMinute = 23 * 60 + 15;
  if (studiesToday) {
    const last = slots.length - 1;
    const latestStart = todayMinute - 15 - sessions[last]!.minutes;
    slots[last]!.startMinute = Math.min(slots[last]!.startMinute!, 5 * Math.floor(latestStart / 5));
  }

  const events: Event[] = [];
  const add = <C extends Channel>(at: number, channel: C, input: ChannelInput<C>) =>
    events.push({ at, channel, input });

  const firstStart = localInstant(slots[0]!.date, slots[0]!.startMinute!);
  add(firstStart - 30 * MINUTE_MS, 'settings.update', {
    learnerName: DEMO_LEARNER_NAME,
    planStartDate: planStart,
    targetDate: addMonths(planStart, 9),
    weeklyGoalHours: 8,
    streakMinMinutes: 15,
  });

  const sessionEnds = new Map<string, number[]>();
  sessions.forEach((session, i) => {
    const slot = slots[i]!;
    const startedAt = localInstant(slot.date, slot.startMinute!);
    const endedAt = startedAt + session.minutes * MINUTE_MS;
    const note = rng.chance(0.45)
      ? rng.chance(0.85)
        ? rng.pick(ENTRY_NOTES[session.itemId] ?? GENERIC_NOTES)
        : rng.pick(GENERIC_NOTES)
      : '';
    if (i !== middle && rng.chance(0.6)) {
      add(startedAt, 'timer.start', { itemId: session.itemId, note });
      add(endedAt, 'timer.stop', {});
    } else {
      const noteForMidnight = i === middle ? 'Lost track of time, finally got it working' : note;
      add(Math.min(endedAt + rng.int(1, 10) * MINUTE_MS, today), 'time.add', {
        itemId: session.itemId,
        startedAt,
        endedAt,
        note: noteForMidnight,
      });
    }
    sessionEnds.set(session.itemId, [...(sessionEnds.get(session.itemId) ?? []), endedAt]);
  });

  // Ticks, notes and statuses, a few minutes after the session they belong to.
  for (const { itemId } of PLAN) {
    const item = itemById(ctx.curriculum.items, itemId)!;
    const ends = sessionEndsOf(sessionEnds, itemId);
    const last = ends[ends.length - 1]!;
    const outcome = outcomes.get(itemId)!;
    const done = outcome === 'inside' || outcome === 'under' || outcome === 'over';
    const tickCount = done ? item.list.entries.length : (IN_PROGRESS_TICKS[itemId] ?? 0);
    for (let entry = 0; entry < tickCount; entry++) {
      // Spread over the item's sessions: entry j is ticked after the session that finishes it.
      const sessionIndex = done
        ? Math.min(ends.length - 1, Math.ceil(((entry + 1) * ends.length) / tickCount) - 1)
        : Math.min(entry, ends.length - 1);
      add(ends[sessionIndex]! + 3 * MINUTE_MS, 'item.tickEntry', { itemId, entryIndex: entry, ticked: true });
    }
    if (ITEM_NOTES[itemId]) add(last + 5 * MINUTE_MS, 'item.setNotes', { itemId, notes: ITEM_NOTES[itemId] });
    const status = done ? 'done' : outcome === 'skipped' ? 'skipped' : 'in_progress';
    add(last + 7 * MINUTE_MS, 'item.setStatus', { itemId, status });
  }

  // The portfolio, written up the evening each item is done: the text first, then the links (and,
  // for an exercise, putting it into the PDF). Assessed right after, and again after a later session.
  const lastEnd = (itemId: string) => sessionEndsOf(sessionEnds, itemId).at(-1)!;
  for (const [itemId, entry] of Object.entries(DEMO_PORTFOLIO)) {
    const done = lastEnd(itemId);
    add(done + 20 * MINUTE_MS, 'portfolio.update', { itemId, fields: entry.fields });
    const exercise = itemById(ctx.curriculum.items, itemId)?.kind === 'exercise';
    add(done + 25 * MINUTE_MS, 'portfolio.update', {
      itemId,
      links: entry.links,
      ...(exercise ? { included: true } : {}),
    });
  }
  const reviews: Record<keyof typeof DEMO_ASSESSMENTS, readonly [number, number]> = {
    '4.1': [lastEnd('4.1') + 40 * MINUTE_MS, lastEnd('4.2') + 45 * MINUTE_MS],
    '4.2': [lastEnd('4.2') + 40 * MINUTE_MS, lastEnd('5.1') + 40 * MINUTE_MS],
  };
  for (const [itemId, [first, second]] of Object.entries(DEMO_ASSESSMENTS) as [
    keyof typeof DEMO_ASSESSMENTS,
    readonly [AssessmentScores, AssessmentScores],
  ][]) {
    add(reviews[itemId][0], 'assessment.save', { itemId, scores: first });
    add(reviews[itemId][1], 'assessment.save', { itemId, scores: second });
  }
  for (const entryId of DEMO_MANUAL_MILESTONES)
    add(lastEnd('3.3') + 10 * MINUTE_MS, 'milestones.tick', { entryId, ticked: true });

  // Replay in time order, each call at its own moment (ties keep the order they were planned in).
  const ordered = events.map((event, order) => ({ ...event, order })).sort((a, b) => a.at - b.at || a.order - b.order);
  const realNow = ctx.now;
  let entries = 0;
  let minutes = 0;
  try {
    for (const event of ordered) {
      const at = Math.min(event.at, today);
      ctx.now = () => at;
      let fault: unknown;
      const result = dispatch(handlers, ctx, event.channel, event.input, {
        validateOutput: true,
        onInternalError: (_channel, error) => (fault = error),
      });
      if (!result.ok) {
        const cause = fault instanceof Error ? ` (${fault.message})` : '';
        throw new Error(
          `The demo learner could not be written: ${event.channel} said "${result.error.message}"${cause}`,
        );
      }
      if (event.channel === 'time.add' || event.channel === 'timer.stop') {
        const entry =
          event.channel === 'time.add'
            ? (result.value as { startedAt: number; endedAt: number })
            : (result.value as { entry: { startedAt: number; endedAt: number } | null }).entry;
        if (!entry) throw new Error('The demo learner could not be written: a timer session was discarded.');
        entries++;
        minutes += (entry.endedAt - entry.startedAt) / MINUTE_MS;
      }
    }
  } finally {
    ctx.now = realNow;
  }
  return { entries, totalHours: Math.round((minutes / 60) * 10) / 10, planStartDate: planStart };
}

function sessionEndsOf(ends: Map<string, number[]>, itemId: string): number[] {
  const list = ends.get(itemId);
  if (!list?.length) throw new Error(`The demo plan has no session for ${itemId}.`);
  return list;
}
