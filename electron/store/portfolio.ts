// Portfolio entries (what the learner typed over the pre-filled template) and self-assessments.
// Rows come back as stored, JSON text included; the portfolio handlers read and shape them.
import type { StoreContext } from './context';
import { prepared } from './statements';

export interface PortfolioRow {
  item_id: string;
  included: number;
  fields: string;
  links: string;
  updated_at: number;
}

/** An item's time on record: its first start, last end and milliseconds logged. */
export interface SpanRow {
  item_id: string;
  first_start: number;
  last_end: number;
  ms: number;
}

export interface AssessmentRow {
  id: number;
  item_id: string;
  scores: string;
  weighted_total: number;
  assessed_at: number;
}

const PORTFOLIO_COLUMNS = 'item_id, included, fields, links, updated_at';
const SPAN_COLUMNS =
  'item_id, MIN(started_at) AS first_start, MAX(ended_at) AS last_end, SUM(ended_at - started_at) AS ms';
// The latest assessment of each item: no other of the same item is later (ties go to the higher id).
const LATEST_ASSESSMENTS = `SELECT s.id, s.item_id, s.scores, s.weighted_total, s.assessed_at FROM self_assessments s
  WHERE NOT EXISTS (SELECT 1 FROM self_assessments t WHERE t.item_id = s.item_id
                    AND (t.assessed_at > s.assessed_at OR (t.assessed_at = s.assessed_at AND t.id > s.id)))`;

/** What the portfolio of one item is made from. */
export interface PortfolioSource {
  row: PortfolioRow | undefined;
  span: SpanRow | undefined;
  latest: AssessmentRow | undefined;
}

export function readPortfolioSource(ctx: Pick<StoreContext, 'db'>, itemId: string): PortfolioSource {
  return {
    row: readPortfolioRow(ctx, itemId),
    span: prepared(ctx.db, `SELECT ${SPAN_COLUMNS} FROM time_entries WHERE item_id = ? GROUP BY item_id`).get(
      itemId,
    ) as SpanRow | undefined,
    latest: prepared(ctx.db, `${LATEST_ASSESSMENTS} AND s.item_id = ?`).get(itemId) as AssessmentRow | undefined,
  };
}

/** The same as readPortfolioSource for every item at once: three reads, not three per item. */
export function readPortfolioSources(ctx: Pick<StoreContext, 'db'>): (itemId: string) => PortfolioSource {
  const byItem = <T extends { item_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.item_id, r]));
  const rows = byItem(prepared(ctx.db, `SELECT ${PORTFOLIO_COLUMNS} FROM portfolio_entries`).all() as PortfolioRow[]);
  const spans = byItem(
    prepared(ctx.db, `SELECT ${SPAN_COLUMNS} FROM time_entries GROUP BY item_id`).all() as SpanRow[],
  );
  const latest = byItem(prepared(ctx.db, LATEST_ASSESSMENTS).all() as AssessmentRow[]);
  return (itemId) => ({ row: rows.get(itemId), span: spans.get(itemId), latest: latest.get(itemId) });
}

export function readPortfolioRow(ctx: Pick<StoreContext, 'db'>, itemId: string): PortfolioRow | undefined {
  return prepared(ctx.db, `SELECT ${PORTFOLIO_COLUMNS} FROM portfolio_entries WHERE item_id = ?`).get(itemId) as
    PortfolioRow | undefined;
}

/** Every stored portfolio row's inclusion and links (JSON text): what the milestone rules look at. */
export function readPortfolioLinks(
  ctx: Pick<StoreContext, 'db'>,
): { item_id: string; included: number; links: string }[] {
  return prepared(ctx.db, 'SELECT item_id, included, links FROM portfolio_entries').all() as {
    item_id: string;
    included: number;
    links: string;
  }[];
}

export function writePortfolioRow(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  itemId: string,
  row: { included: boolean; fields: Record<string, string>; links: Record<string, string> },
): void {
  const now = ctx.now();
  prepared(
    ctx.db,
    `INSERT INTO portfolio_entries (item_id, included, fields, links, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (item_id) DO UPDATE SET included = excluded.included, fields = excluded.fields, links = excluded.links,
       updated_at = excluded.updated_at`,
  ).run(itemId, row.included ? 1 : 0, JSON.stringify(row.fields), JSON.stringify(row.links), now, now);
}

export function readAssessmentRows(ctx: Pick<StoreContext, 'db'>, itemId: string): AssessmentRow[] {
  return prepared(
    ctx.db,
    'SELECT id, item_id, scores, weighted_total, assessed_at FROM self_assessments WHERE item_id = ? ORDER BY assessed_at, id',
  ).all(itemId) as AssessmentRow[];
}

/** Stores one self-assessment; returns its id. */
export function insertAssessment(
  ctx: Pick<StoreContext, 'db' | 'now'>,
  itemId: string,
  scores: object,
  weightedTotal: number,
): number {
  const { lastInsertRowid } = prepared(
    ctx.db,
    'INSERT INTO self_assessments (item_id, scores, weighted_total, assessed_at) VALUES (?, ?, ?, ?)',
  ).run(itemId, JSON.stringify(scores), weightedTotal, ctx.now());
  return Number(lastInsertRowid);
}
