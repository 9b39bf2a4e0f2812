// Reading keyboard shortcuts: g-sequences, single keys, typing in fields, modifiers.
import { describe, expect, it } from 'vitest';
import { createShortcutReader, isTypingTarget, SEQUENCE_MS } from '../../renderer/lib/shortcuts';

const input = (type = 'text') => ({ tagName: 'INPUT', type });

describe('shortcuts', () => {
  it('goes to each screen with g then a letter', () => {
    const screens = { r: 'roadmap', l: 'log', i: 'insights', p: 'portfolio', m: 'milestones', s: 'settings' };
    for (const [key, screen] of Object.entries(screens)) {
      const read = createShortcutReader();
      expect(read({ key: 'g' }, 0)).toBeNull();
      expect(read({ key }, 100)).toEqual({ type: 'go', route: { screen } });
    }
  });

  it('forgets a g after the sequence time, and a letter alone does not navigate', () => {
    const read = createShortcutReader();
    read({ key: 'g' }, 0);
    expect(read({ key: 'l' }, SEQUENCE_MS + 1)).toBeNull();
    expect(read({ key: 'r' }, SEQUENCE_MS + 2)).toBeNull();
  });

  it('reads t, n and ?', () => {
    const read = createShortcutReader();
    expect(read({ key: 't' }, 0)).toEqual({ type: 'timer' });
    expect(read({ key: 'n' }, 0)).toEqual({ type: 'manualEntry' });
    expect(read({ key: '?' }, 0)).toEqual({ type: 'help' });
    expect(read({ key: 'x' }, 0)).toBeNull();
  });

  it('a key after g that is not a screen is read on its own', () => {
    const read = createShortcutReader();
    read({ key: 'g' }, 0);
    expect(read({ key: 't' }, 10)).toEqual({ type: 'timer' });
  });

  it('ignores keys typed in fields and keys with modifiers, and they cancel a pending g', () => {
    const read = createShortcutReader();
    expect(read({ key: 't', target: input() }, 0)).toBeNull();
    expect(read({ key: '?', target: { tagName: 'TEXTAREA' } }, 0)).toBeNull();
    expect(read({ key: 't', target: { tagName: 'DIV', isContentEditable: true } }, 0)).toBeNull();
    expect(read({ key: 't', ctrlKey: true }, 0)).toBeNull();
    expect(read({ key: 't', metaKey: true }, 0)).toBeNull();
    read({ key: 'g' }, 0);
    read({ key: 'l', target: input('search') }, 10);
    expect(read({ key: 'l' }, 20)).toBeNull();
  });

  it('knows which elements take typing', () => {
    expect(isTypingTarget(input())).toBe(true);
    expect(isTypingTarget(input('number'))).toBe(true);
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget(input('radio'))).toBe(false);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
