// The check of a change line read from the sync folder (electron/sync/model.ts): a time entry's
// line takes a hand-written path past zod, so every way such a line can be wrong must still be
// refused, with the words zod gives (the messages below are what the zod-only check said).
import { describe, expect, it } from 'vitest';
import { checkChangeLine } from '../../electron/sync/model';

const good = {
  t: 'time_entries',
  k: '001c5a4f1b4a3055c1a69a58',
  h: '001796141536916:00068:9d4723e3b767a248',
  f: { _exists: 1, item_id: '3.2', span: [1620889200000, 1620891900000], note: '', source: 'manual' },
};
const fields = (f: Record<string, unknown>) => ({ ...good, f: { ...good.f, ...f } });
/** As the folder gives it: parsed from JSON text. */
const check = (line: unknown) => checkChangeLine(JSON.parse(JSON.stringify(line)));
const refused = (where: string) => `a line that is not a change this app writes (${where})`;

describe('a time entry change line', () => {
  it('is taken whole, in part, and at the limits', () => {
    expect(check(good)).toBeNull();
    expect(check({ ...good, f: { _exists: 0 } })).toBeNull();
    expect(check({ ...good, f: {} })).toBeNull();
    expect(check({ ...good, k: 'a'.repeat(64) })).toBeNull();
    expect(check(fields({ note: 'é'.repeat(2000), source: 'timer', item_id: '12.34' }))).toBeNull();
    expect(check(fields({ span: [0, 8_640_000_000_000_000] }))).toBeNull();
  });

  it.each([
    ['another key on the line', { ...good, x: 1 }, 'its shape'],
    ['another field', fields({ ended_at: 1 }), 'f'],
    ['a row name in capitals', { ...good, k: good.k.toUpperCase() }, 'k'],
    ['a short row name', { ...good, k: 'abc' }, 'k'],
    ['a clock of another form', { ...good, h: '1:2:3' }, 'h'],
    ['_exists 2', fields({ _exists: 2 }), 'f._exists'],
    ['an item id of another form', fields({ item_id: '3.200' }), 'f.item_id'],
    ['a span ending at its start', fields({ span: [5, 5] }), 'f.span'],
    ['a span with a fraction', fields({ span: [1.5, 5] }), 'f.span.0'],
    ['a span past the last date', fields({ span: [0, 8_640_000_000_000_001] }), 'f.span.1'],
    ['a span of three', fields({ span: [1, 2, 3] }), 'f.span'],
    ['a note too long', fields({ note: 'x'.repeat(2001) }), 'f.note'],
    ['another source', fields({ source: 'import' }), 'f.source'],
    ['fields as a list', { ...good, f: [] }, 'f'],
    ['no fields', { t: good.t, k: good.k, h: good.h }, 'f'],
  ])('is refused with %s', (_, line, where) => {
    expect(check(line)).toBe(refused(where));
  });

  it('is refused with a field named __proto__', () => {
    const text = JSON.stringify(good).replace('"_exists":1', '"__proto__":1');
    expect(checkChangeLine(JSON.parse(text))).toMatch(/not a change this app writes/);
  });
});
