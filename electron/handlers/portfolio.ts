// The portfolio: one entry per curriculum item in the seed's showcase template, pre-filled from the
// logbook and overridden by what the learner types; self-assessments against the evaluation
// criteria; and the PDF export, which only the desktop app can do.
import { assessmentScoresSchema, type Assessment } from '../../shared/schemas/assessment';
import type { ItemStatus } from '../../shared/schemas/items';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import { portfolioFieldKeys, portfolioLinkKeys, type CurriculumItem, type PortfolioLinkKey } from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import { HOUR_MS } from '../../shared/time';
import { scoreAssessment } from '../portfolio/assessment';
import { includedByDefault, mergeFields, prefillFields, type LoggedSpan } from '../portfolio/prefill';
import { localDateOf } from '../stats/local-days';
import { requireItem, sql, type HandlerContext, type HandlerGroup } from './context';

export const PDF_NEEDS_DESKTOP_MESSAGE =
  'Saving the portfolio as a PDF needs the desktop app. In the browser preview, use `npm run pdf`.';

interface PortfolioRow {
  item_id: string;
  included: number;
  fields: string;
  links: string;
  updated_at: number;
}

interface SpanRow {
  item_id: string;
  first_start: number;
  last_end: number;
  ms: number;
}

interface AssessmentRow {
  id: number;
  item_id: string;
  scores: string;
  weighted_total: number;
  assessed_at: number;
}

/** A stored JSON object's string values under the given keys; anything unreadable counts as absent. */
function storedStrings<K extends string>(json: string | undefined, keys: readonly K[]): Partial<Record<K, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '{}');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = Object.prototype.hasOwnProperty.call(parsed, key) ? (parsed as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Keys given a string in a partial update; keys present but undefined change nothing. */
function definedOnly<K extends string>(changes: Partial<Record<K, string | undefined>> | undefined): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(changes ?? {}) as [K, string | undefined][]) if (value !== undefined) out[key] = value;
  return out;
}

const toSpan = (row: SpanRow | undefined): LoggedSpan | null =>
  row && row.ms > 0
    ? { firstDay: localDateOf(row.first_start), lastDay: localDateOf(row.last_end - 1), hours: row.ms / HOUR_MS }
    : null;

export function toAssessment(ctx: HandlerContext, row: AssessmentRow): Assessment | null {
  let scores: unknown;
  try {
    scores = JSON.parse(row.scores);
  } catch {
    return null;
  }
  // Rows are written only by assessment.save, through the schema; one edited by hand into
  // something unreadable is left out rather than shown with made-up numbers.
  const parsed = assessmentScoresSchema.safeParse(scores);
  if (!parsed.success) return null;
  return {
    id: row.id,
    itemId: row.item_id,
    assessedAt: row.assessed_at,
    scores: parsed.data,
    categoryPercents: scoreAssessment(parsed.data, ctx.curriculum.evaluationCriteria).categoryPercents,
    weightedTotal: row.weighted_total,
  };
}

export function readHistory(ctx: HandlerContext, itemId: string): Assessment[] {
  const rows = sql(
    ctx.db,
    'SELECT id, item_id, scores, weighted_total, assessed_at FROM self_assessments WHERE item_id = ? ORDER BY assessed_at, id',
  ).all(itemId) as AssessmentRow[];
  return rows.map((row) => toAssessment(ctx, row)).filter((a): a is Assessment => a !== null);
}

function buildEntry(
  ctx: HandlerContext,
  item: CurriculumItem,
  row: PortfolioRow | undefined,
  span: SpanRow | undefined,
  status: ItemStatus,
  latest: AssessmentRow | undefined,
): PortfolioEntry {
  const { fields, prefilled } = mergeFields(prefillFields(item, toSpan(span)), storedStrings(row?.fields, portfolioFieldKeys));
  const storedLinks = storedStrings(row?.links, portfolioLinkKeys);
  const links = Object.fromEntries(portfolioLinkKeys.map((key) => [key, storedLinks[key] ?? ''])) as Record<PortfolioLinkKey, string>;
  return {
    itemId: item.id,
    included: row ? row.included === 1 : includedByDefault(item),
    fields,
    links,
    prefilled,
    loggedHours: (span?.ms ?? 0) / HOUR_MS,
    status,
    latestAssessment: latest ? toAssessment(ctx, latest) : null,
    updatedAt: row?.updated_at ?? null,
  };
}

const PORTFOLIO_COLUMNS = 'item_id, included, fields, links, updated_at';
const SPAN_COLUMNS = 'item_id, MIN(started_at) AS first_start, MAX(ended_at) AS last_end, SUM(ended_at - started_at) AS ms';
// The latest assessment of each item: no other of the same item is later (ties go to the higher id).
const LATEST_ASSESSMENTS = `SELECT s.id, s.item_id, s.scores, s.weighted_total, s.assessed_at FROM self_assessments s
  WHERE NOT EXISTS (SELECT 1 FROM self_assessments t WHERE t.item_id = s.item_id
                    AND (t.assessed_at > s.assessed_at OR (t.assessed_at = s.assessed_at AND t.id > s.id)))`;

export function readPortfolioEntry(ctx: HandlerContext, itemId: string): PortfolioEntry {
  const item = requireItem(ctx, itemId);
  const row = sql(ctx.db, `SELECT ${PORTFOLIO_COLUMNS} FROM portfolio_entries WHERE item_id = ?`).get(itemId) as PortfolioRow | undefined;
  const span = sql(ctx.db, `SELECT ${SPAN_COLUMNS} FROM time_entries WHERE item_id = ? GROUP BY item_id`).get(itemId) as SpanRow | undefined;
  // .pluck() switches the shared statement for good: this SQL text is used only here, always plucked.
  const status = (sql(ctx.db, 'SELECT status FROM item_progress WHERE item_id = ?').pluck().get(itemId) as ItemStatus | undefined) ?? 'not_started';
  const latest = sql(ctx.db, `${LATEST_ASSESSMENTS} AND s.item_id = ?`).get(itemId) as AssessmentRow | undefined;
  return buildEntry(ctx, item, row, span, status, latest);
}

export function readPortfolio(ctx: HandlerContext): PortfolioEntry[] {
  const byItem = <T extends { item_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.item_id, r]));
  const rows = byItem(sql(ctx.db, `SELECT ${PORTFOLIO_COLUMNS} FROM portfolio_entries`).all() as PortfolioRow[]);
  const spans = byItem(sql(ctx.db, `SELECT ${SPAN_COLUMNS} FROM time_entries GROUP BY item_id`).all() as SpanRow[]);
  const statuses = byItem(sql(ctx.db, 'SELECT item_id, status FROM item_progress').all() as { item_id: string; status: ItemStatus }[]);
  const latest = byItem(sql(ctx.db, LATEST_ASSESSMENTS).all() as AssessmentRow[]);
  return ctx.curriculum.items.map((item) =>
    buildEntry(ctx, item, rows.get(item.id), spans.get(item.id), statuses.get(item.id)?.status ?? 'not_started', latest.get(item.id)),
  );
}

export const portfolioHandlers: HandlerGroup<
  'portfolio.list' | 'portfolio.get' | 'portfolio.update' | 'assessment.save' | 'assessment.history' | 'portfolio.exportPdf'
> = {
  'portfolio.list': (ctx) => ({ entries: readPortfolio(ctx) }),

  'portfolio.get': (ctx, { itemId }) => readPortfolioEntry(ctx, itemId),

  // Autosave calls this as the learner types: only the keys given change, the rest stay as stored.
  'portfolio.update': (ctx, { itemId, included, fields, links }) => {
    const item = requireItem(ctx, itemId);
    ctx.db.transaction(() => {
      const row = sql(ctx.db, `SELECT ${PORTFOLIO_COLUMNS} FROM portfolio_entries WHERE item_id = ?`).get(itemId) as PortfolioRow | undefined;
      const nextFields = { ...storedStrings(row?.fields, portfolioFieldKeys), ...definedOnly(fields) };
      const trimmedLinks = Object.fromEntries(Object.entries(definedOnly(links)).map(([key, value]) => [key, value.trim()]));
      const nextLinks = { ...storedStrings(row?.links, portfolioLinkKeys), ...trimmedLinks };
      // A new row starts from the default, so "not changed by the learner" and "the default" agree.
      const nextIncluded = included ?? (row ? row.included === 1 : includedByDefault(item));
      const now = ctx.now();
      sql(
        ctx.db,
        `INSERT INTO portfolio_entries (item_id, included, fields, links, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (item_id) DO UPDATE SET included = excluded.included, fields = excluded.fields, links = excluded.links,
           updated_at = excluded.updated_at`,
      ).run(itemId, nextIncluded ? 1 : 0, JSON.stringify(nextFields), JSON.stringify(nextLinks), now, now);
    })();
    return readPortfolioEntry(ctx, itemId);
  },

  'assessment.save': (ctx, { itemId, scores }) => {
    requireItem(ctx, itemId);
    const { weightedTotal } = scoreAssessment(scores, ctx.curriculum.evaluationCriteria);
    const id = ctx.db.transaction(() => {
      const { lastInsertRowid } = sql(
        ctx.db,
        'INSERT INTO self_assessments (item_id, scores, weighted_total, assessed_at) VALUES (?, ?, ?, ?)',
      ).run(itemId, JSON.stringify(scores), weightedTotal, ctx.now());
      return Number(lastInsertRowid);
    })();
    const history = readHistory(ctx, itemId);
    const saved = history.find((a) => a.id === id);
    if (!saved) throw new Error(`The assessment ${id} of ${itemId} was not read back.`);
    return { saved, history };
  },

  'assessment.history': (ctx, { itemId }) => {
    requireItem(ctx, itemId);
    return { history: readHistory(ctx, itemId) };
  },

  'portfolio.exportPdf': async (ctx, { paper }) => {
    if (!ctx.exportPdf) throw new AppError('CONFLICT', PDF_NEEDS_DESKTOP_MESSAGE);
    return ctx.exportPdf(paper);
  },
};
