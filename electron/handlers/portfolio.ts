// The portfolio: one entry per curriculum item in the seed's showcase template, pre-filled from the
// logbook and overridden by what the learner types; self-assessments against the evaluation
// criteria; and the PDF export, which only the desktop app can do.
import { assessmentScoresSchema, type Assessment } from '../../shared/schemas/assessment';
import type { ItemStatus } from '../../shared/schemas/items';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import {
  portfolioFieldKeys,
  portfolioLinkKeys,
  type CurriculumItem,
  type PortfolioLinkKey,
} from '../../shared/curriculum';
import { AppError } from '../../shared/errors';
import { HOUR_MS } from '../../shared/time';
import { scoreAssessment } from '../portfolio/assessment';
import { includedByDefault, mergeFields, prefillFields, type LoggedSpan } from '../portfolio/prefill';
import { localDateOf } from '../stats/local-days';
import { readProgressRow, readStatuses } from '../store/items';
import {
  insertAssessment,
  readAssessmentRows,
  readPortfolioRow,
  readPortfolioSource,
  readPortfolioSources,
  writePortfolioRow,
  type AssessmentRow,
  type PortfolioRow,
  type SpanRow,
} from '../store/portfolio';
import { requireItem, type HandlerContext, type HandlerGroup } from './context';

export const PDF_NEEDS_DESKTOP_MESSAGE =
  'Saving the portfolio as a PDF needs the desktop app. In the browser preview, use `npm run pdf`.';

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
    const value = Object.prototype.hasOwnProperty.call(parsed, key)
      ? (parsed as Record<string, unknown>)[key]
      : undefined;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** Keys given a string in a partial update; keys present but undefined change nothing. */
function definedOnly<K extends string>(
  changes: Partial<Record<K, string | undefined>> | undefined,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(changes ?? {}) as [K, string | undefined][])
    if (value !== undefined) out[key] = value;
  return out;
}

const toSpan = (row: SpanRow | undefined): LoggedSpan | null =>
  row && row.ms > 0
    ? { firstDay: localDateOf(row.first_start), lastDay: localDateOf(row.last_end - 1), hours: row.ms / HOUR_MS }
    : null;

function toAssessment(ctx: HandlerContext, row: AssessmentRow): Assessment | null {
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

function readHistory(ctx: HandlerContext, itemId: string): Assessment[] {
  return readAssessmentRows(ctx, itemId)
    .map((row) => toAssessment(ctx, row))
    .filter((a): a is Assessment => a !== null);
}

function buildEntry(
  ctx: HandlerContext,
  item: CurriculumItem,
  row: PortfolioRow | undefined,
  span: SpanRow | undefined,
  status: ItemStatus,
  latest: AssessmentRow | undefined,
): PortfolioEntry {
  const { fields, prefilled } = mergeFields(
    prefillFields(item, toSpan(span)),
    storedStrings(row?.fields, portfolioFieldKeys),
  );
  const storedLinks = storedStrings(row?.links, portfolioLinkKeys);
  const links = Object.fromEntries(portfolioLinkKeys.map((key) => [key, storedLinks[key] ?? ''])) as Record<
    PortfolioLinkKey,
    string
  >;
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

export function readPortfolioEntry(ctx: HandlerContext, itemId: string): PortfolioEntry {
  const item = requireItem(ctx, itemId);
  const { row, span, latest } = readPortfolioSource(ctx, itemId);
  return buildEntry(ctx, item, row, span, readProgressRow(ctx, itemId).status, latest);
}

function readPortfolio(ctx: HandlerContext): PortfolioEntry[] {
  const sourceOf = readPortfolioSources(ctx);
  const statusOf = readStatuses(ctx);
  return ctx.curriculum.items.map((item) => {
    const { row, span, latest } = sourceOf(item.id);
    return buildEntry(ctx, item, row, span, statusOf(item.id), latest);
  });
}

export const portfolioHandlers: HandlerGroup<
  | 'portfolio.list'
  | 'portfolio.get'
  | 'portfolio.update'
  | 'assessment.save'
  | 'assessment.history'
  | 'portfolio.exportPdf'
> = {
  'portfolio.list': (ctx) => ({ entries: readPortfolio(ctx) }),

  'portfolio.get': (ctx, { itemId }) => readPortfolioEntry(ctx, itemId),

  // Autosave calls this as the learner types: only the keys given change, the rest stay as stored.
  'portfolio.update': (ctx, { itemId, included, fields, links }) => {
    const item = requireItem(ctx, itemId);
    ctx.db.transaction(() => {
      const row = readPortfolioRow(ctx, itemId);
      const nextFields = { ...storedStrings(row?.fields, portfolioFieldKeys), ...definedOnly(fields) };
      const trimmedLinks = Object.fromEntries(
        Object.entries(definedOnly(links)).map(([key, value]) => [key, value.trim()]),
      );
      const nextLinks = { ...storedStrings(row?.links, portfolioLinkKeys), ...trimmedLinks };
      // A new row starts from the default, so "not changed by the learner" and "the default" agree.
      const nextIncluded = included ?? (row ? row.included === 1 : includedByDefault(item));
      writePortfolioRow(ctx, itemId, { included: nextIncluded, fields: nextFields, links: nextLinks });
    })();
    return readPortfolioEntry(ctx, itemId);
  },

  'assessment.save': (ctx, { itemId, scores }) => {
    requireItem(ctx, itemId);
    const { weightedTotal } = scoreAssessment(scores, ctx.curriculum.evaluationCriteria);
    const id = insertAssessment(ctx, itemId, scores, weightedTotal);
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
