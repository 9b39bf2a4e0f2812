// A portfolio entry's values: what the app already knows (the item's title, when and how long the
// learner worked on it, the curriculum's tools) under what the learner typed. Pure: no database,
// no clock, no locale; the same inputs give the same text on every machine.
import { portfolioFieldKeys, type CurriculumItem, type PortfolioFieldKey } from '../../shared/curriculum';
import { parseLocalDate, type LocalDate } from '../../shared/dates';

export type PortfolioFields = Record<PortfolioFieldKey, string>;

/** What the logbook says about an item: its first and last local study day and its hours. */
export interface LoggedSpan {
  firstDay: LocalDate;
  lastDay: LocalDate;
  hours: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const EN_DASH = '\u2013';

function dateParts(date: LocalDate): { y: number; m: number; d: number } {
  const parts = parseLocalDate(date);
  if (!parts) throw new Error(`Not a date: ${date}`);
  return parts;
}

/**
 * A span of days the way people write it: "5 Mar 2026", "2–20 Mar 2026", "28 Feb – 20 Mar 2026",
 * "28 Dec 2025 – 3 Jan 2026". The days may come in either order.
 */
export function formatDayRange(a: LocalDate, b: LocalDate): string {
  const [first, last] = a <= b ? [dateParts(a), dateParts(b)] : [dateParts(b), dateParts(a)];
  const month = (p: { m: number }) => MONTHS[p.m - 1]!;
  if (first.y !== last.y) return `${first.d} ${month(first)} ${first.y} ${EN_DASH} ${last.d} ${month(last)} ${last.y}`;
  if (first.m !== last.m) return `${first.d} ${month(first)} ${EN_DASH} ${last.d} ${month(last)} ${last.y}`;
  if (first.d !== last.d) return `${first.d}${EN_DASH}${last.d} ${month(last)} ${last.y}`;
  return `${last.d} ${month(last)} ${last.y}`;
}

/** Hours to one decimal, without a trailing ".0": "14.5 hours", "2 hours", "1 hour". */
export function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return rounded === 1 ? '1 hour' : `${rounded} hours`;
}

/** "2–20 Mar 2026 · 14.5 hours", or "" when nothing is logged. */
export function formatDuration(span: LoggedSpan | null): string {
  if (!span) return '';
  return `${formatDayRange(span.firstDay, span.lastDay)} · ${formatHours(span.hours)}`;
}

/** The values the app fills in before the learner types anything. */
export function prefillFields(item: Pick<CurriculumItem, 'title' | 'tools'>, span: LoggedSpan | null): PortfolioFields {
  const fields = Object.fromEntries(portfolioFieldKeys.map((key) => [key, ''])) as PortfolioFields;
  fields.projectTitle = item.title;
  fields.duration = formatDuration(span);
  fields.technologiesUsed = item.tools.join(', ');
  return fields;
}

/**
 * The learner's stored values over the pre-filled ones, key by key: a key the learner saved wins,
 * even as an empty string. `prefilled` names the keys still showing a (non-empty) pre-filled value.
 * Stored keys that are not template fields, or not strings, are ignored.
 */
export function mergeFields(
  prefill: PortfolioFields,
  stored: Record<string, unknown>,
): { fields: PortfolioFields; prefilled: PortfolioFieldKey[] } {
  const fields = { ...prefill };
  const prefilled: PortfolioFieldKey[] = [];
  for (const key of portfolioFieldKeys) {
    const value = Object.prototype.hasOwnProperty.call(stored, key) ? stored[key] : undefined;
    if (typeof value === 'string') fields[key] = value;
    else if (prefill[key] !== '') prefilled.push(key);
  }
  return { fields, prefilled };
}

/** Projects go into the portfolio PDF unless the learner takes them out; exercises stay out until put in. */
export const includedByDefault = (item: Pick<CurriculumItem, 'kind'>) => item.kind === 'project';
