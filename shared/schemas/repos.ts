// A linked git repository (issue 16): the folder an item is linked to, what its commits say beside the
// logged hours, the sessions suggested from them, and what it proposes for the portfolio.
import { z } from 'zod';
import { itemIdSchema } from '../curriculum';
import { localDateSchema } from './common';

const FOLDER_MAX = 4096;

/** A README at the top of a linked repository documents the project once it has this many words. */
export const README_MIN_WORDS = 50;

const repoFolderSchema = z
  .string({ error: "Type the repository folder's full path." })
  .trim()
  .min(1, "Type the repository folder's full path.")
  .max(FOLDER_MAX, `A folder path can be at most ${FOLDER_MAX.toLocaleString('en')} characters.`)
  .refine((folder) => !folder.includes('\0'), 'A folder path cannot contain a NUL character.');

/** A suggested session's id: the full id of its first commit. */
const suggestionIdSchema = z
  .string()
  .regex(/^[0-9a-f]{40}$/, 'A suggestion is named by the 40-character id of its first commit.');

export const repoLinkInput = z.strictObject({ itemId: itemIdSchema, folder: repoFolderSchema });
export const suggestionInput = z.strictObject({ itemId: itemIdSchema, suggestionId: suggestionIdSchema });

const commitSchema = z.object({
  oid: z.string(),
  at: z.number(),
  author: z.string(),
  message: z.string(),
});

const commitDaySchema = z.object({
  date: localDateSchema,
  commits: z.number().int().nonnegative(),
  /** Minutes logged on the item that day. */
  minutes: z.number().nonnegative(),
});

const suggestionSchema = z.object({
  id: z.string(),
  date: localDateSchema,
  startedAt: z.number(),
  endedAt: z.number(),
  commits: z.number().int().positive(),
});

const technologySchema = z.object({ name: z.string(), evidence: z.string(), inTools: z.boolean() });

const linkedRepoSchema = z.object({
  /** The repository's root folder on this machine. */
  folder: z.string(),
  name: z.string(),
  branch: z.string().nullable(),
  /** The remote's address with any user name or token taken out. */
  remoteUrl: z.string().nullable(),
  /** The remote's web page, https://github.com/you/repo, when it has one. */
  webUrl: z.string().nullable(),
  commitCount: z.number().int().nonnegative(),
  firstCommit: commitSchema.nullable(),
  lastCommit: commitSchema.nullable(),
  /** Days with commits or time logged on the item, newest first (at most 60). */
  days: z.array(commitDaySchema),
  sessionRule: z.string(),
  /** Newest first (at most 20 of `suggestionCount`). */
  suggestions: z.array(suggestionSchema),
  suggestionCount: z.number().int().nonnegative(),
  technologies: z.array(technologySchema),
  readme: z.object({ path: z.string(), words: z.number().int() }).nullable(),
  /** What the portfolio entry could take from the repository: null where it has it already. */
  proposals: z.object({
    githubRepository: z.string().nullable(),
    technologiesUsed: z.object({ add: z.array(z.string()), value: z.string() }).nullable(),
  }),
});
export type LinkedRepo = z.infer<typeof linkedRepoSchema>;

export const repoSummarySchema = z.object({
  /** True in the desktop app, where a folder dialog can be shown; the browser version takes a typed path. */
  canChooseFolder: z.boolean(),
  linked: linkedRepoSchema.nullable(),
});
export type RepoSummary = z.infer<typeof repoSummarySchema>;

export const repoProgressSchema = z.object({
  reading: z.array(z.object({ folder: z.string(), commits: z.number().int().nonnegative() })),
});
