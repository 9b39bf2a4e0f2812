// The Insights screen's numbers: streaks, hours per week, the calendar heatmap, the burn-up of
// planned against actual hours, estimate calibration and the completion forecast. All pure: the
// handler reads hours per item (the totals kept by triggers) and minutes per local day (readDayMinutes: summed in
// SQL between local midnights) and this module turns them into compact series.
//
// Conventions used throughout:
// - A day is a local day of the learner ("2026-03-02"); days after `today` are ignored (they can
//   only come from a clock that was set back).
// - A point on a date means "by the end of that day", for planned and actual hours alike.
import type { ItemStatus } from '../../shared/schemas/items';
import type { Settings } from '../../shared/schemas/settings';
import type { Insights } from '../../shared/schemas/stats';
import { estimateMidpoint, type Curriculum, type CurriculumItem } from '../../shared/curriculum';
import { addDays, addMonths, daysBetweenDates, weekStart, type LocalDate } from '../../shared/dates';

export type DayMinutes = ReadonlyMap<LocalDate, number>;

export interface InsightsInput {
  curriculum: Pick<Curriculum, 'items' | 'months' | 'phases'>;
  settings: Pick<Settings, 'planStartDate' | 'targetDate' | 'weeklyGoalHours' | 'streakMinMinutes'>;
  today: LocalDate;
  statusOf: (itemId: string) => ItemStatus;
  /** Hours logged on an item, all time. */
  hoursOf: (itemId: string) => number;
  /** Minutes studied per local day, all items, all time (minutesPerLocalDay). */
  dayMinutes: DayMinutes;
}

const WEEKLY_WEEKS = 26;
const HEATMAP_WEEKS = 52;
const PACE_DAYS = 28;
/**
 * Days of history, from the first study day, before a finish date is given: the pace is measured
 * over PACE_DAYS, and before that it counts days that were not yet part of the learner's study (three
 * sessions in a first week made "Oct 2035"). Until then Insights shows the plan and what it asks.
 */
const FORECAST_MIN_DAYS = PACE_DAYS;
/** A forecast further out than this is no forecast: finish dates become null. */
const MAX_FORECAST_DAYS = 100 * 366;

/** The number a digit character stands for. */
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;

/**
 * Days since 1970-01-01 of a well-formed date, for the loops over every study day (years of them):
 * shared/dates validates and formats, which is right for input and too slow here. Read digit by
 * digit, because slicing made three strings per day on every Insights call.
 */
const dayNumber = (date: LocalDate) =>
  Date.UTC(
    digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    digit(date, 5) * 10 + digit(date, 6) - 1,
    digit(date, 8) * 10 + digit(date, 9),
  ) / 86_400_000;

// The loops over every study day below use Map.forEach: a for…of over a Map makes a [day, minutes]
// pair per day, thousands per Insights call.

// ---------------------------------------------------------------------------------------------
// Streaks

/**
 * A day counts when it has at least `minMinutes`. The current streak is the run of counting days
 * ending today, or ending yesterday while today does not count yet (the day is not over); 0
 * otherwise. The longest is the longest run of counting days up to today.
 */
export function streaks(dayMinutes: DayMinutes, today: LocalDate, minMinutes: number): Insights['streak'] {
  const todayNumber = dayNumber(today);
  const counting = new Set<number>();
  dayMinutes.forEach((minutes, day) => {
    if (minutes >= minMinutes && day <= today) counting.add(dayNumber(day));
  });
  let longest = 0;
  for (const day of counting) {
    if (counting.has(day - 1)) continue; // not the first day of its run
    let run = 1;
    while (counting.has(day + run)) run++;
    if (run > longest) longest = run;
  }
  const todayCounts = counting.has(todayNumber);
  let current = 0;
  for (let day = todayCounts ? todayNumber : todayNumber - 1; counting.has(day); day--) current++;
  return { current, longest, todayCounts };
}

// ---------------------------------------------------------------------------------------------
// Hours per week and the heatmap

/** Hours per Monday-start week for the last `weeks` weeks, oldest first, the current (partial) week last. */
export function weeklyHours(dayMinutes: DayMinutes, today: LocalDate, weeks = WEEKLY_WEEKS): Insights['weekly'] {
  const first = addDays(weekStart(today), -7 * (weeks - 1));
  const firstNumber = dayNumber(first);
  const minutes = new Array<number>(weeks).fill(0);
  dayMinutes.forEach((m, day) => {
    if (day >= first && day <= today) minutes[Math.floor((dayNumber(day) - firstNumber) / 7)]! += m;
  });
  return minutes.map((m, i) => ({ weekStart: addDays(first, 7 * i), hours: m / 60 }));
}

/** Minutes per day from the Monday 51 weeks before this week's Monday through today. */
export function heatmap(dayMinutes: DayMinutes, today: LocalDate): Insights['heatmap'] {
  const start = addDays(weekStart(today), -7 * (HEATMAP_WEEKS - 1));
  const startNumber = dayNumber(start);
  const minutes = new Array<number>(dayNumber(today) - startNumber + 1).fill(0);
  dayMinutes.forEach((m, day) => {
    if (day >= start && day <= today) minutes[dayNumber(day) - startNumber]! += m;
  });
  return { start, minutes };
}

/** Hours logged in the last 28 days (today and the 27 before), per week. */
export function paceHoursPerWeek(dayMinutes: DayMinutes, today: LocalDate): number {
  const from = addDays(today, -(PACE_DAYS - 1));
  let minutes = 0;
  dayMinutes.forEach((m, day) => {
    if (day >= from && day <= today) minutes += m;
  });
  return minutes / 60 / (PACE_DAYS / 7);
}

// ---------------------------------------------------------------------------------------------
// Burn-up

export interface PlanMonth {
  from: LocalDate;
  days: number;
  hours: number;
}

/**
 * The plan's months on the calendar: curriculum month k (1..n) spans [start + (k-1) months,
 * start + k months) and carries `monthHours[k-1]` planned hours.
 */
export function planMonths(monthHours: readonly number[], planStart: LocalDate): PlanMonth[] {
  return monthHours.map((hours, k) => {
    const from = addMonths(planStart, k);
    return { from, days: daysBetweenDates(from, addMonths(planStart, k + 1)), hours };
  });
}

/**
 * Planned hours by the end of `date`: each month's hours accrue evenly over its days. So the plan
 * start holds one day's worth and the whole plan is in by the end of the day before the plan end.
 */
export function plannedHoursBy(months: readonly PlanMonth[], date: LocalDate): number {
  let total = 0;
  for (const month of months) {
    if (date < month.from) break;
    const elapsed = Math.min(month.days, dayNumber(date) - dayNumber(month.from) + 1);
    total += (month.hours * elapsed) / month.days;
  }
  return total;
}

/** Planned hours per curriculum month (index 0 = month 1): midpoints of the items not skipped. */
export function plannedHoursPerMonth(
  curriculum: Pick<Curriculum, 'items' | 'months'>,
  statusOf: (itemId: string) => ItemStatus,
): number[] {
  const numbers = curriculum.months.map((m) => m.number).sort((a, b) => a - b);
  return numbers.map((n) =>
    curriculum.items
      .filter((i) => i.month === n && statusOf(i.id) !== 'skipped')
      .reduce((sum, i) => sum + estimateMidpoint(i), 0),
  );
}

/**
 * One point every 7 days from the plan start while before the end, plus a last point on the end:
 * the latest of the plan end (start + 9 months), the target date and today. Actual hours are all
 * hours logged up to the end of the point's day, from the beginning of time (time logged before
 * the plan start counts), and null for points after today.
 */
export function burnUp(
  curriculum: Pick<Curriculum, 'items' | 'months'>,
  statusOf: (itemId: string) => ItemStatus,
  settings: Pick<Settings, 'planStartDate' | 'targetDate'>,
  dayMinutes: DayMinutes,
  today: LocalDate,
): Insights['burnUp'] {
  const { planStartDate, targetDate } = settings;
  const months = planMonths(plannedHoursPerMonth(curriculum, statusOf), planStartDate);
  const planEndDate = addMonths(planStartDate, months.length);
  const end = [planEndDate, targetDate, today].reduce((a, b) => (b > a ? b : a));

  const dates: LocalDate[] = [];
  for (let d = planStartDate; d < end; d = addDays(d, 7)) dates.push(d);
  dates.push(end);

  const days: LocalDate[] = [];
  dayMinutes.forEach((_, day) => {
    if (day <= today) days.push(day);
  });
  days.sort();
  let next = 0;
  let minutes = 0;
  const points = dates.map((date) => {
    let actualHours: number | null = null;
    if (date <= today) {
      while (next < days.length && days[next]! <= date) minutes += dayMinutes.get(days[next++]!)!;
      actualHours = minutes / 60;
    }
    return { date, plannedHours: plannedHoursBy(months, date), actualHours };
  });
  return { planStartDate, planEndDate, targetDate, points };
}

// ---------------------------------------------------------------------------------------------
// Calibration

/** The median, or null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return percentile(values, 0.5);
}

/** The p-quantile (0..1) by linear interpolation between closest ranks (numpy's default); NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

/** Actual hours over the estimate midpoint, for done items with logged time; medians overall and per phase. */
export function calibration(
  curriculum: Pick<Curriculum, 'items' | 'phases'>,
  statusOf: (itemId: string) => ItemStatus,
  hoursOf: (itemId: string) => number,
): Insights['calibration'] {
  const rated = curriculum.items
    .filter((i) => statusOf(i.id) === 'done' && hoursOf(i.id) > 0)
    .map((i) => ({ item: i, ratio: hoursOf(i.id) / estimateMidpoint(i) }));
  const summary = (ratios: number[]) => ({ median: median(ratios), count: ratios.length });
  return {
    overall: summary(rated.map((r) => r.ratio)),
    phases: curriculum.phases.map((p) => ({
      phase: p.number,
      ...summary(rated.filter((r) => r.item.phase === p.number).map((r) => r.ratio)),
    })),
    items: rated.map((r) => ({ itemId: r.item.id, ratio: r.ratio })),
  };
}

// ---------------------------------------------------------------------------------------------
// Forecast

/**
 * `today` plus the days it takes to log `remainingHours` at `pace` hours a week, rounded up to a
 * whole day. Today when nothing remains; null when something remains and there is no pace (or the
 * date would be more than a century away).
 */
export function finishDate(remainingHours: number, pace: number, today: LocalDate): LocalDate | null {
  if (remainingHours <= 0) return today;
  if (pace <= 0) return null;
  // The epsilon keeps 20.000000000000004 days (floating-point noise) from becoming 21.
  const days = Math.ceil((remainingHours / pace) * 7 - 1e-9);
  return days > MAX_FORECAST_DAYS ? null : addDays(today, days);
}

/**
 * Remaining hours for the items not done and not skipped, scaled by the learner's calibration.
 *
 * With at least 2 calibration ratios: P50 scales each estimate midpoint by their median, P80 by
 * their 80th percentile. With fewer: the raw estimates, P50 = the midpoint and P80 = the
 * estimate's max; ratioP80 then reports the equivalent factor, total max over total midpoint of
 * the remaining items (1 when none remain).
 * An item's remaining hours are its scaled estimate less the hours already logged on it, never
 * below 0.
 */
export function forecast(input: InsightsInput, ratios: readonly number[]): Insights['forecast'] {
  const { curriculum, statusOf, hoursOf, dayMinutes, today, settings } = input;
  const open = curriculum.items.filter((i) => {
    const status = statusOf(i.id);
    return status !== 'done' && status !== 'skipped';
  });
  const calibrated = ratios.length >= 2;
  let ratioP50 = 1;
  let ratioP80: number;
  let baseP80: (item: CurriculumItem) => number;
  if (calibrated) {
    ratioP50 = median(ratios)!;
    ratioP80 = percentile(ratios, 0.8);
    baseP80 = (i) => estimateMidpoint(i) * ratioP80;
  } else {
    const totalMid = open.reduce((s, i) => s + estimateMidpoint(i), 0);
    const totalMax = open.reduce((s, i) => s + i.estimate.maxHours, 0);
    ratioP80 = totalMid > 0 ? totalMax / totalMid : 1;
    baseP80 = (i) => i.estimate.maxHours;
  }

  const phases = new Map(curriculum.phases.map((p) => [p.number, { phase: p.number, p50Hours: 0, p80Hours: 0 }]));
  const overall = { p50Hours: 0, p80Hours: 0 };
  for (const item of open) {
    const logged = hoursOf(item.id);
    const p50 = Math.max(0, estimateMidpoint(item) * ratioP50 - logged);
    const p80 = Math.max(0, baseP80(item) - logged);
    overall.p50Hours += p50;
    overall.p80Hours += p80;
    const phase = phases.get(item.phase);
    if (phase) {
      phase.p50Hours += p50;
      phase.p80Hours += p80;
    }
  }

  const pace = paceHoursPerWeek(dayMinutes, today);
  const weeksToTarget = daysBetweenDates(today, settings.targetDate) / 7;
  let firstStudyDay: LocalDate | null = null;
  dayMinutes.forEach((m, day) => {
    if (m > 0 && day <= today && (firstStudyDay === null || day < firstStudyDay)) firstStudyDay = day;
  });
  const forecastFrom = firstStudyDay === null ? null : addDays(firstStudyDay, FORECAST_MIN_DAYS - 1);
  const enoughHistory = forecastFrom !== null && forecastFrom <= today;
  return {
    basis: calibrated ? 'calibrated' : 'raw-estimate',
    ratioP50,
    ratioP80,
    overall,
    phases: [...phases.values()],
    paceHoursPerWeek: pace,
    enoughHistory,
    forecastFrom,
    finishP50: enoughHistory || overall.p50Hours <= 0 ? finishDate(overall.p50Hours, pace, today) : null,
    finishP80: enoughHistory || overall.p80Hours <= 0 ? finishDate(overall.p80Hours, pace, today) : null,
    weeksToTarget,
    neededHoursPerWeek: weeksToTarget > 0 ? overall.p50Hours / weeksToTarget : null,
  };
}

// ---------------------------------------------------------------------------------------------

export function computeInsights(input: InsightsInput): Insights {
  const { curriculum, settings, today, statusOf, hoursOf, dayMinutes } = input;
  const calibrationResult = calibration(curriculum, statusOf, hoursOf);
  return {
    today,
    weeklyGoalHours: settings.weeklyGoalHours,
    streakMinMinutes: settings.streakMinMinutes,
    burnUp: burnUp(curriculum, statusOf, settings, dayMinutes, today),
    weekly: weeklyHours(dayMinutes, today),
    heatmap: heatmap(dayMinutes, today),
    streak: streaks(dayMinutes, today, settings.streakMinMinutes),
    calibration: calibrationResult,
    forecast: forecast(
      input,
      calibrationResult.items.map((i) => i.ratio),
    ),
  };
}
