// Calendar dates as the learner sees them ("2026-03-02"), independent of time zones. Pure
// arithmetic on year/month/day; no Node or DOM imports.

export type LocalDate = string;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(value: string): { y: number; m: number; d: number } | null {
  const match = LOCAL_DATE.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

export const isLocalDate = (value: string) => parseLocalDate(value) !== null;

const fromUtc = (ms: number): LocalDate => new Date(ms).toISOString().slice(0, 10);
const toUtc = (date: LocalDate) => {
  const p = parseLocalDate(date);
  if (!p) throw new Error(`Not a date: ${date}`);
  return Date.UTC(p.y, p.m - 1, p.d);
};

export const addDays = (date: LocalDate, days: number): LocalDate => fromUtc(toUtc(date) + days * 86_400_000);

/** Whole days from a to b (b - a). */
export const daysBetweenDates = (a: LocalDate, b: LocalDate) => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);

/** Same day of month, `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const p = parseLocalDate(date)!;
  const first = new Date(Date.UTC(p.y, p.m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(p.d, lastDay)));
}

/** Monday of the week holding `date` (weeks start on Monday, ISO 8601). */
export function weekStart(date: LocalDate): LocalDate {
  const weekday = new Date(toUtc(date)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}
