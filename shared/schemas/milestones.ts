// The curriculum's completion checklists, with the entries the logbook decides.
import { z } from 'zod';

export const milestonesSchema = z.object({
  checklists: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      entries: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          /** Set where the app's data decides the entry; then `done` follows the rule, not a tick. */
          rule: z.object({ met: z.boolean(), reason: z.string() }).nullable(),
          ticked: z.boolean(),
          done: z.boolean(),
        }),
      ),
    }),
  ),
});
export type Milestones = z.infer<typeof milestonesSchema>;

export const milestoneEntryIdSchema = z.string().regex(/^[a-z0-9]+\.[1-9]$/, 'A milestone id looks like "phase1.2".');
