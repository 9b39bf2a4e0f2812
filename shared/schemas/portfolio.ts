// A portfolio entry in the curriculum's showcase template: its fields and links, what may be
// typed into them, and the PDF's paper.
import { z } from 'zod';
import {
  itemIdSchema,
  portfolioFieldKeys,
  portfolioLinkKeys,
  type PortfolioFieldKey,
  type PortfolioLinkKey,
} from '../curriculum';
import { assessmentSchema } from './assessment';
import { hoursSchema, instant } from './common';
import { itemStatusSchema } from './items';

const PORTFOLIO_TEXT_MAX = 10_000;
export const PORTFOLIO_LINE_MAX = 300;

const singleLineKeys = new Set<PortfolioFieldKey>(['projectTitle', 'duration', 'technologiesUsed']);
export const portfolioFieldInputs = Object.fromEntries(
  portfolioFieldKeys.map((key) => [
    key,
    singleLineKeys.has(key)
      ? z.string().max(PORTFOLIO_LINE_MAX, `This field can be at most ${PORTFOLIO_LINE_MAX} characters.`)
      : z
          .string()
          .max(PORTFOLIO_TEXT_MAX, `This field can be at most ${PORTFOLIO_TEXT_MAX.toLocaleString('en')} characters.`),
  ]),
) as Record<PortfolioFieldKey, z.ZodString>;

/** An empty link, or an http(s) URL with a host: the only links a portfolio may hold. */
export const isWebLink = (value: string) => {
  if (value === '') return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
};
export const WEB_LINK_MESSAGE =
  'A link must be a web address starting with http:// or https://, for example https://github.com/you/project.';
const webLink = z
  .string()
  .trim()
  .max(2000, 'A link can be at most 2,000 characters.')
  .refine(isWebLink, WEB_LINK_MESSAGE);
export const portfolioLinkInputs = Object.fromEntries(portfolioLinkKeys.map((key) => [key, webLink])) as Record<
  PortfolioLinkKey,
  typeof webLink
>;

export const portfolioEntrySchema = z.object({
  itemId: itemIdSchema,
  /** Whether the entry goes into the portfolio PDF. Projects are in by default, exercises out. */
  included: z.boolean(),
  fields: z.object(
    Object.fromEntries(portfolioFieldKeys.map((k) => [k, z.string()])) as Record<PortfolioFieldKey, z.ZodString>,
  ),
  links: z.object(
    Object.fromEntries(portfolioLinkKeys.map((k) => [k, z.string()])) as Record<PortfolioLinkKey, z.ZodString>,
  ),
  /** Fields still showing the app's pre-filled value (the learner has not changed them). */
  prefilled: z.array(z.enum(portfolioFieldKeys)),
  loggedHours: hoursSchema,
  status: itemStatusSchema,
  latestAssessment: assessmentSchema.nullable(),
  updatedAt: instant.nullable(),
});
export type PortfolioEntry = z.infer<typeof portfolioEntrySchema>;

export const portfolioUpdateInput = z
  .strictObject({
    itemId: itemIdSchema,
    included: z.boolean().optional(),
    fields: z.strictObject(portfolioFieldInputs).partial().optional(),
    links: z.strictObject(portfolioLinkInputs).partial().optional(),
  })
  .refine(
    (u) => u.included !== undefined || u.fields !== undefined || u.links !== undefined,
    'Give something to change.',
  );

export const paperSizeSchema = z.enum(['A4', 'Letter'], { error: 'The paper size is A4 or Letter.' });
export type PaperSize = z.infer<typeof paperSizeSchema>;

export const pdfExportSchema = z.object({
  saved: z.boolean(),
  fileName: z.string(),
  pages: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
