// The global timer shortcut: recorded from the keys the learner presses, stored as the Electron
// accelerator the main process registers ("CommandOrControl+Alt+T"), and shown as the keyboard
// writes it ("Ctrl+Alt+T", "⌘⌥T"). Pure: no DOM, no Electron.

/** What a keydown says: KeyboardEvent's fields, so tests need no DOM. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export type Recording =
  | { kind: 'done'; accelerator: string }
  /** Only modifiers are held so far: what to show while the learner reaches for the key. */
  | { kind: 'holding'; accelerator: string }
  | { kind: 'refused'; message: string };

const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'OS']);
const NAMED: Record<string, string> = {
  Space: 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Insert: 'Insert',
  Delete: 'Delete',
};

/** The key itself, by its place on the keyboard (`code`), so Shift or a layout does not change it. */
function mainKey(code: string): string | null {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code);
  if (digit) return digit[1]!;
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return NAMED[code] ?? null;
}

function modifiers(press: Omit<KeyPress, 'key' | 'code'>, isMac: boolean): string[] {
  const parts: string[] = [];
  // The platform's command key becomes CommandOrControl, so a logbook moved to another OS keeps working.
  if (isMac ? press.metaKey : press.ctrlKey) parts.push('CommandOrControl');
  if (isMac && press.ctrlKey) parts.push('Control');
  if (!isMac && press.metaKey) parts.push('Super');
  if (press.altKey) parts.push('Alt');
  if (press.shiftKey) parts.push('Shift');
  return parts;
}

export const NEEDS_MODIFIER =
  'Hold Ctrl or Alt (⌘ or ⌥ on a Mac) with the key, so the shortcut does not get in the way of typing.';
export const UNUSABLE_KEY = 'Use a letter, a digit, a function key (F1–F24), Space or an arrow key.';

/** A keydown while recording, as the shortcut it makes, or why it cannot be one. */
export function recordShortcut(press: KeyPress, isMac: boolean): Recording {
  const held = modifiers(press, isMac);
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'holding', accelerator: held.join('+') };
  const key = mainKey(press.code);
  if (key === null) return { kind: 'refused', message: UNUSABLE_KEY };
  // A function key may stand alone; anything else needs Ctrl/⌘ or Alt, or typing it would start the timer.
  const strong = held.some((m) => m !== 'Shift');
  if (!strong && !/^F\d+$/.test(key)) return { kind: 'refused', message: NEEDS_MODIFIER };
  return { kind: 'done', accelerator: [...held, key].join('+') };
}

const LABELS: Record<string, [mac: string, other: string]> = {
  commandorcontrol: ['⌘', 'Ctrl'],
  cmdorctrl: ['⌘', 'Ctrl'],
  command: ['⌘', 'Super'],
  cmd: ['⌘', 'Super'],
  control: ['⌃', 'Ctrl'],
  ctrl: ['⌃', 'Ctrl'],
  super: ['⌘', 'Super'],
  meta: ['⌘', 'Super'],
  alt: ['⌥', 'Alt'],
  option: ['⌥', 'Alt'],
  shift: ['⇧', 'Shift'],
};

/** "CommandOrControl+Alt+T" as this keyboard writes it: "Ctrl+Alt+T", or "⌘⌥T" on a Mac. */
export function describeShortcut(accelerator: string, isMac: boolean): string {
  const parts = accelerator
    .split('+')
    .filter(Boolean)
    .map((part) => LABELS[part.toLowerCase()]?.[isMac ? 0 : 1] ?? part);
  return parts.join(isMac ? '' : '+');
}
