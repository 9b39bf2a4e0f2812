// The hybrid logical clock (electron/sync/hlc.ts): its strings sort as the clock does, it never goes
// back with the wall clock, and it moves past any clock it has seen.
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, zeroHlc } from '../../electron/sync/hlc';
import { wins } from '../../electron/sync/model';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';

describe('the hybrid logical clock', () => {
  it('round-trips through its string, which sorts as the clock does', () => {
    const h = { ms: 1_764_590_000_123, counter: 7, device: A };
    expect(parseHlc(formatHlc(h))).toEqual(h);
    expect(formatHlc({ ms: 999, counter: 0, device: A }) < formatHlc({ ms: 1000, counter: 0, device: A })).toBe(true);
    expect(formatHlc({ ms: 1000, counter: 9, device: A }) < formatHlc({ ms: 1000, counter: 10, device: A })).toBe(true);
    expect(parseHlc('not a clock')).toBeNull();
  });

  it('orders a machine’s own changes even when its wall clock goes back', () => {
    let c = zeroHlc(A);
    const seen: string[] = [];
    for (const wall of [5000, 5000, 4000, 9000, 1000]) seen.push(formatHlc((c = tick(c, wall, A))));
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('after seeing a clock 12 hours ahead, its next change sorts after it', () => {
    const remote = { ms: 1_000_000 + 12 * 3_600_000, counter: 3, device: B };
    const c = receive(tick(zeroHlc(A), 1_000_000, A), remote, A);
    expect(formatHlc(tick(c, 1_000_500, A)) > formatHlc(remote)).toBe(true);
  });

  it('borrows the next millisecond when the counter is full', () => {
    expect(tick({ ms: 10, counter: 99_999, device: A }, 5, A)).toEqual({ ms: 11, counter: 0, device: A });
  });
});

describe('who wins a register', () => {
  const h = (ms: number, device = A) => formatHlc({ ms, counter: 0, device });
  it('is the later clock, and the same change twice changes nothing', () => {
    expect(wins('item_progress', 'notes', ['new', h(2)], ['old', h(1)])).toBe(true);
    expect(wins('item_progress', 'notes', ['old', h(1)], ['new', h(2)])).toBe(false);
    expect(wins('item_progress', 'notes', ['new', h(2)], ['new', h(2)])).toBe(false);
    expect(wins('item_progress', 'notes', ['b', h(2, B)], ['a', h(2, A)])).toBe(true);
  });

  it('for a setting: the learner’s choice beats a default, and of two defaults the earlier stays', () => {
    const app = (d: string) => [`"${d}"`, 'app'];
    const learner = (d: string) => [`"${d}"`, 'learner'];
    expect(wins('settings', 'value', [app('2026-05-01'), h(9)], [learner('2026-03-01'), h(1)])).toBe(false);
    expect(wins('settings', 'value', [learner('2026-03-01'), h(1)], [app('2026-05-01'), h(9)])).toBe(true);
    expect(wins('settings', 'value', [app('2026-05-01'), h(9)], [app('2026-03-01'), h(1)])).toBe(false);
    expect(wins('settings', 'value', [app('2026-03-01'), h(1)], [app('2026-05-01'), h(9)])).toBe(true);
  });
});
