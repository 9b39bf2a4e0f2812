// The one-way commands main sends the renderer (menu, tray, shortcuts): an allow-list checked in the
// preload and again in the renderer, so nothing else ever arrives on that event. No Node or DOM imports.

/** The single IPC event name main → renderer. */
export const COMMAND_EVENT = 'app:command';

const NAVIGATE_ROUTES = [
  '#/roadmap',
  '#/log',
  '#/import',
  '#/insights',
  '#/portfolio',
  '#/milestones',
  '#/settings',
] as const;

export const APP_COMMANDS = [
  ...NAVIGATE_ROUTES.map((route) => `navigate:${route}` as const),
  'timer:toggle',
  'entry:new',
  'help:shortcuts',
  'export:pdf',
  'export:csv',
  /** Main changed data (timer from the tray, idle time discarded, a sync brought changes in): the renderer reloads its queries. */
  'data:changed',
  /** A sync started or ended, or its problem changed: Settings → Sync reads its state again. */
  'sync:status',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export const isAppCommand = (value: unknown): value is AppCommand =>
  typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
