// Small, pure helpers about time that both sides use. No Node or DOM imports.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Entries shorter than this are discarded (a timer started by mistake is not study). */
export const MIN_ENTRY_MS = MINUTE_MS;
/** Longer single entries are almost surely a forgotten timer or a typo; the learner splits them. */
export const MAX_ENTRY_MS = DAY_MS;
/** Clocks drift between devices and the form rounds to minutes: tolerate this much "future". */
export const FUTURE_TOLERANCE_MS = 5 * MINUTE_MS;

/** The oldest and newest instants any stored time may have. */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
export const LATEST_MS = Date.UTC(2100, 0, 1);

/** "1 h 05 min", "45 min", "0 min": how durations read everywhere in the app. */
export function formatMinutes(totalMinutes: number): string {
  const rounded = Math.round(totalMinutes);
  const hours = Math.floor(rounded / 60);
  const minutes = rounded % 60;
  if (hours === 0) return `${minutes} min`;
  return `${hours} h ${String(minutes).padStart(2, '0')} min`;
}

/** Hours with one decimal, trailing ".0" dropped: 12, 12.5. */
export function formatHours(hours: number): string {
  const tenths = Math.round(hours * 10) / 10;
  return Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1);
}

/** "01:02:03" for a running timer. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}
