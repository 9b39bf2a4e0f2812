// Commands from the desktop app's menu, tray and shortcuts (shared/commands.ts). Navigation changes
// the hash route; everything else becomes a DOM event other parts listen for:
//   window 'companion:command' (detail: the command), e.g. 'timer:toggle', 'entry:new',
//   'help:shortcuts', 'export:pdf', 'export:csv', 'data:changed' (main changed data, a sync brought
//   changes in: reload) and 'sync:status' (a sync started or ended: Settings → Sync reads its state).
// The browser preview's bridge offers onCommand too (its server can send commands, as tests do).
import { isAppCommand, type AppCommand } from '../../shared/commands';

const COMMAND_DOM_EVENT = 'companion:command';

/** Where a command that needs a screen takes the learner before its event is sent. */
// 'entry:new' has no screen of its own: the manual-entry form lives on each item's screen.
const screenFor: Partial<Record<AppCommand, string>> = {
  'export:pdf': '#/portfolio',
  'export:csv': '#/settings',
};

/**
 * A command waiting for its screen. Screens load lazily, so right after the hash changes nobody
 * listens yet: an event sent then would be lost, and "Export portfolio PDF…" from the Roadmap would
 * only switch screens. The screen's listener takes the command when it subscribes (onAppCommand).
 */
const pending = new WeakMap<object, { command: AppCommand; at: number }>();
/** A command older than this is dropped: a screen that took longer to load is not what the learner waits for. */
export const PENDING_COMMAND_MS = 15_000;

export function runCommand(command: string, target: Window = window): boolean {
  // Checked again here: the page trusts no string just because the preload passed it.
  if (!isAppCommand(command)) return false;
  if (command.startsWith('navigate:')) {
    target.location.hash = command.slice('navigate:'.length);
    return true;
  }
  const hash = screenFor[command];
  if (hash && target.location.hash !== hash) {
    pending.set(target, { command, at: Date.now() });
    target.location.hash = hash;
    return true;
  }
  target.dispatchEvent(new CustomEvent(COMMAND_DOM_EVENT, { detail: command }));
  return true;
}

/** Listens for main's commands if the bridge offers them; returns the unsubscribe. */
export function subscribeToCommands(target: Window = window): () => void {
  const subscribe = target.api?.onCommand;
  if (typeof subscribe !== 'function') return () => {};
  return subscribe((command) => void runCommand(command, target));
}

/** Calls `listener` for one command arriving as a DOM event; returns the unsubscribe. */
export function onAppCommand(command: AppCommand, listener: () => void, target: Window = window): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent).detail === command) listener();
  };
  target.addEventListener(COMMAND_DOM_EVENT, handler);
  let cancelled = false;
  const waiting = pending.get(target);
  if (waiting?.command === command) {
    // Taken only when delivered, after the subscribing effect has returned: a subscription undone at
    // once (React's StrictMode mounts, unmounts and mounts again) leaves it for the next one.
    queueMicrotask(() => {
      if (cancelled || pending.get(target) !== waiting) return;
      pending.delete(target);
      if (Date.now() - waiting.at <= PENDING_COMMAND_MS) listener();
    });
  }
  return () => {
    cancelled = true;
    target.removeEventListener(COMMAND_DOM_EVENT, handler);
  };
}
