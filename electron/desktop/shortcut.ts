// The global start/stop shortcut. It is the learner's choice (Settings); empty turns it off, and a
// combination another app already holds is reported, never forced.

export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type ShortcutResult =
  | { registered: true; accelerator: string; reason: null }
  | { registered: false; accelerator: string; reason: 'off' | 'taken' | 'invalid' };

export function registerTimerShortcut(
  globalShortcut: GlobalShortcutLike,
  accelerator: string,
  toggle: () => void,
): ShortcutResult {
  const key = accelerator.trim();
  if (key === '') return { registered: false, accelerator: key, reason: 'off' };
  let ok: boolean;
  try {
    ok = globalShortcut.register(key, toggle);
  } catch {
    // Electron throws on an accelerator it cannot parse.
    return { registered: false, accelerator: key, reason: 'invalid' };
  }
  return ok
    ? { registered: true, accelerator: key, reason: null }
    : { registered: false, accelerator: key, reason: 'taken' };
}

/** Keeps one registration in step with the setting: unregisters the old one before trying the new one. */
export function createShortcutKeeper(globalShortcut: GlobalShortcutLike, toggle: () => void) {
  let current: string | null = null;
  let last: ShortcutResult | null = null;
  return {
    apply(accelerator: string): ShortcutResult {
      if (last && accelerator.trim() === last.accelerator) return last;
      if (current) globalShortcut.unregister(current);
      current = null;
      last = registerTimerShortcut(globalShortcut, accelerator, toggle);
      if (last.registered) current = last.accelerator;
      return last;
    },
    dispose() {
      if (current) globalShortcut.unregister(current);
      current = null;
      last = null;
    },
  };
}
