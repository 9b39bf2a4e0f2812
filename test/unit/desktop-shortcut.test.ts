// The global timer shortcut (electron/desktop/shortcut.ts): registering it, and what a refusal says.
import { describe, expect, it, vi } from 'vitest';
import { createShortcutKeeper, registerTimerShortcut } from '../../electron/desktop/shortcut';

describe('registerTimerShortcut', () => {
  const fake = (answer: boolean | 'throw') => ({
    register: vi.fn((_a: string, _cb: () => void) => {
      if (answer === 'throw') throw new Error('bad accelerator');
      return answer;
    }),
    unregister: vi.fn(),
  });

  it('registers the accelerator and calls toggle', () => {
    const gs = fake(true);
    const toggle = vi.fn();
    expect(registerTimerShortcut(gs, 'CommandOrControl+Alt+T', toggle)).toEqual({
      registered: true,
      accelerator: 'CommandOrControl+Alt+T',
      reason: null,
    });
    gs.register.mock.calls[0]![1]();
    expect(toggle).toHaveBeenCalled();
  });

  it('is off when empty, reports a shortcut taken by another app, and an invalid one', () => {
    const gs = fake(false);
    expect(registerTimerShortcut(gs, '  ', vi.fn())).toMatchObject({ registered: false, reason: 'off' });
    expect(gs.register).not.toHaveBeenCalled();
    expect(registerTimerShortcut(gs, 'Control+Alt+T', vi.fn())).toMatchObject({ registered: false, reason: 'taken' });
    expect(registerTimerShortcut(fake('throw'), 'Nonsense+', vi.fn())).toMatchObject({
      registered: false,
      reason: 'invalid',
    });
  });

  it('the keeper unregisters the old accelerator before a new one, and skips unchanged settings', () => {
    const gs = fake(true);
    const keeper = createShortcutKeeper(gs, vi.fn());
    keeper.apply('Control+Alt+T');
    keeper.apply('Control+Alt+T');
    expect(gs.register).toHaveBeenCalledTimes(1);
    keeper.apply('Control+Alt+S');
    expect(gs.unregister).toHaveBeenCalledWith('Control+Alt+T');
    keeper.apply('');
    expect(gs.unregister).toHaveBeenLastCalledWith('Control+Alt+S');
    keeper.dispose();
    expect(gs.unregister).toHaveBeenCalledTimes(2);
  });
});
