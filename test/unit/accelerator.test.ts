// The global shortcut is recorded from the keys pressed, not typed as accelerator text (issue 12, item 8).
import { describe, expect, it } from 'vitest';
import {
  describeShortcut,
  NEEDS_MODIFIER,
  recordShortcut,
  UNUSABLE_KEY,
  type KeyPress,
} from '../../shared/accelerator';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('recordShortcut', () => {
  it('makes the platform’s command key CommandOrControl, and names the key by its place', () => {
    expect(recordShortcut(press('t', 'KeyT', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Alt+T',
    });
    expect(recordShortcut(press('†', 'KeyT', { metaKey: true, altKey: true }), true)).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Alt+T',
    });
    expect(recordShortcut(press('T', 'KeyT', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      kind: 'done',
      accelerator: 'CommandOrControl+Shift+T',
    });
    expect(recordShortcut(press('!', 'Digit1', { altKey: true, shiftKey: true }), false)).toEqual({
      kind: 'done',
      accelerator: 'Alt+Shift+1',
    });
    expect(recordShortcut(press('ArrowUp', 'ArrowUp', { ctrlKey: true }), true)).toEqual({
      kind: 'done',
      accelerator: 'Control+Up',
    });
    expect(recordShortcut(press('F9', 'F9'), false)).toEqual({ kind: 'done', accelerator: 'F9' });
  });

  it('waits while only modifiers are held', () => {
    expect(recordShortcut(press('Control', 'ControlLeft', { ctrlKey: true }), false)).toEqual({
      kind: 'holding',
      accelerator: 'CommandOrControl',
    });
    expect(recordShortcut(press('Alt', 'AltLeft', { ctrlKey: true, altKey: true }), false)).toEqual({
      kind: 'holding',
      accelerator: 'CommandOrControl+Alt',
    });
  });

  it('refuses a plain letter and a key an accelerator cannot hold, in a sentence', () => {
    expect(recordShortcut(press('t', 'KeyT'), false)).toEqual({ kind: 'refused', message: NEEDS_MODIFIER });
    expect(recordShortcut(press('T', 'KeyT', { shiftKey: true }), false)).toEqual({
      kind: 'refused',
      message: NEEDS_MODIFIER,
    });
    expect(recordShortcut(press('ß', 'Minus', { ctrlKey: true }), false)).toEqual({
      kind: 'refused',
      message: UNUSABLE_KEY,
    });
  });

  it('always makes an accelerator the settings accept', () => {
    for (const code of ['KeyA', 'KeyZ', 'Digit0', 'Numpad7', 'F1', 'F24', 'Space', 'ArrowLeft', 'PageDown', 'Delete']) {
      const result = recordShortcut(
        press('x', code, { ctrlKey: true, altKey: true, shiftKey: true, metaKey: true }),
        false,
      );
      expect(result.kind).toBe('done');
      if (result.kind === 'done') expect(result.accelerator).toMatch(/^[A-Za-z0-9+]+$/);
    }
  });
});

describe('describeShortcut', () => {
  it('writes an accelerator as the keyboard does', () => {
    expect(describeShortcut('CommandOrControl+Alt+T', false)).toBe('Ctrl+Alt+T');
    expect(describeShortcut('CommandOrControl+Alt+T', true)).toBe('⌘⌥T');
    expect(describeShortcut('Control+Shift+Up', true)).toBe('⌃⇧Up');
    expect(describeShortcut('F9', false)).toBe('F9');
  });
});
