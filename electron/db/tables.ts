/**
 * The tables that hold the learner's own data: a restore and a replacing import empty and refill
 * exactly these, in this order. `item_totals` is not one: it is derived, and its triggers keep it
 * in step as time_entries is emptied and refilled.
 */
export const LEARNER_TABLES = [
  'item_progress',
  'list_ticks',
  'time_entries',
  'running_timer',
  'portfolio_entries',
  'self_assessments',
  'milestone_ticks',
  'settings',
] as const;
