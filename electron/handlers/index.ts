// The handler table: one group per area, merged once. A channel defined twice is a bug we want
// to hear about at start-up, not a silent override.
import { channels, type Channel } from '../../shared/contract';
import type { HandlerTable } from './context';
import { curriculumHandlers } from './curriculum';
import { dataHandlers } from './data';
import { importHandlers } from './imports';
import { milestoneHandlers } from './milestones';
import { portfolioHandlers } from './portfolio';
import { progressHandlers } from './progress';
import { repoHandlers } from './repos';
import { settingsHandlers } from './settings';
import { statsHandlers } from './stats';
import { syncHandlers } from './sync';
import { timeHandlers } from './time';
import { timerHandlers } from './timer';

function mergeHandlerGroups(groups: readonly object[]): Record<string, unknown> {
  const table: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [channel, handler] of Object.entries(group)) {
      if (Object.prototype.hasOwnProperty.call(table, channel))
        throw new Error(`The channel "${channel}" has two handlers.`);
      table[channel] = handler;
    }
  }
  const missing = channels.filter((c: Channel) => !(c in table));
  if (missing.length) throw new Error(`These contract channels have no handler: ${missing.join(', ')}.`);
  const extra = Object.keys(table).filter((c) => !(channels as string[]).includes(c));
  if (extra.length) throw new Error(`These handlers are not in the contract: ${extra.join(', ')}.`);
  return table;
}

export const handlers = mergeHandlerGroups([
  curriculumHandlers,
  dataHandlers,
  importHandlers,
  milestoneHandlers,
  portfolioHandlers,
  progressHandlers,
  repoHandlers,
  settingsHandlers,
  statsHandlers,
  syncHandlers,
  timeHandlers,
  timerHandlers,
]) as HandlerTable;
export type { HandlerContext, HandlerTable, PdfExporter } from './context';
