// Keyboard shortcuts inside the app window. The reading of keys is pure (tested in
// test/unit/shortcuts.test.ts); useShortcuts attaches it to the document.
//   g then r/l/i/p/m/s   go to Roadmap, Time log, Insights, Portfolio, Milestones, Settings
//   t                    start/stop the timer on this item (item screen), else stop the running one
//   n                    focus the form to add time by hand (item screen)
//   ?                    this list; Escape closes it
// Keys typed into a field, or with Ctrl/Cmd/Alt held, are never shortcuts.
import { useEffect } from 'react';
import { useLatest } from './useLatest';
import type { Route } from './router';

export type ShortcutAction =
  { type: 'go'; route: Route } | { type: 'timer' } | { type: 'manualEntry' } | { type: 'help' };

const goKeys: Record<string, Route> = {
  r: { screen: 'roadmap' },
  l: { screen: 'log' },
  i: { screen: 'insights' },
  p: { screen: 'portfolio' },
  m: { screen: 'milestones' },
  s: { screen: 'settings' },
};

export const shortcutHelp: { keys: string[]; description: string }[] = [
  { keys: ['g', 'r'], description: 'Go to the roadmap' },
  { keys: ['g', 'l'], description: 'Go to the time log' },
  { keys: ['g', 'i'], description: 'Go to insights' },
  { keys: ['g', 'p'], description: 'Go to the portfolio' },
  { keys: ['g', 'm'], description: 'Go to milestones' },
  { keys: ['g', 's'], description: 'Go to settings' },
  { keys: ['t'], description: 'Start or stop the timer on this item; elsewhere, stop the running timer' },
  { keys: ['n'], description: 'Add time by hand on this item' },
  { keys: ['?'], description: 'Show these shortcuts' },
  { keys: ['Esc'], description: 'Close this list' },
];

/** How long after `g` the second key still counts. */
export const SEQUENCE_MS = 1500;

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
}

/** True for elements that take typed text: inputs (but not checkboxes and buttons), textareas, selects, contenteditable. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: string; type?: string; isContentEditable?: boolean };
  const tag = (el.tagName ?? '').toUpperCase();
  if (el.isContentEditable) return true;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el.type ?? 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return false;
}

/** A stateful reader of key presses: remembers a pending `g` for SEQUENCE_MS. */
export function createShortcutReader() {
  let pendingG: number | null = null;
  return (event: KeyInput, now: number): ShortcutAction | null => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) {
      pendingG = null;
      return null;
    }
    const key = event.key;
    if (pendingG !== null && now - pendingG <= SEQUENCE_MS) {
      pendingG = null;
      const route = goKeys[key.toLowerCase()];
      if (route) return { type: 'go', route };
      // Another key after `g` ends the sequence; it is read on its own below.
    }
    pendingG = null;
    switch (key) {
      case 'g':
        pendingG = now;
        return null;
      case 't':
        return { type: 'timer' };
      case 'n':
        return { type: 'manualEntry' };
      case '?':
        return { type: 'help' };
      default:
        return null;
    }
  };
}

/** Calls `onAction` for shortcuts typed anywhere in the page, unless `enabled` is false (a dialog is open). */
export function useShortcuts(onAction: (action: ShortcutAction) => void, enabled: boolean) {
  const latest = useLatest(onAction);
  useEffect(() => {
    if (!enabled) return;
    const read = createShortcutReader();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      // A modal dialog (editing an entry, confirming) owns the keyboard.
      if (document.querySelector('dialog[open]')) return;
      const action = read(event, Date.now());
      if (!action) return;
      event.preventDefault();
      latest.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled, latest]);
}
