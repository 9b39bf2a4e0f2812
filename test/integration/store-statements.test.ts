// The store compiles each statement once per database and hands it out again; a statement's row
// mode is part of what it is, so one text read as objects, arrays or single values is three
// statements, and no reader can switch what another reads.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepared } from '../../electron/store/statements';
import { readStatuses } from '../../electron/store/items';
import { createTestApp, type TestApp } from '../support/context';

let app: TestApp;
beforeEach(() => (app = createTestApp()));
afterEach(() => app.close());

describe('the store’s statement cache', () => {
  it('gives the same statement for the same text and mode, and another for another mode', () => {
    const text = 'SELECT item_id, status FROM item_progress';
    expect(prepared(app.db, text)).toBe(prepared(app.db, text));
    expect(prepared(app.db, text, 'raw')).not.toBe(prepared(app.db, text));
    expect(prepared(app.db, text, 'pluck')).not.toBe(prepared(app.db, text, 'raw'));
  });

  it('a raw read of a text leaves the object read of the same text as it was', () => {
    const itemId = app.ctx.curriculum.items[0]!.id;
    app.call('item.setStatus', { itemId, status: 'done' });
    const text = 'SELECT item_id, status FROM item_progress';
    expect(prepared(app.db, text, 'raw').all()).toEqual([[itemId, 'done']]);
    expect(prepared(app.db, text).all()).toEqual([{ item_id: itemId, status: 'done' }]);
    expect(prepared(app.db, text, 'pluck').all()).toEqual([itemId]);
    expect(readStatuses(app.ctx)(itemId)).toBe('done');
  });

  it('keeps one cache per database: a reopened file gets statements of its own', () => {
    const before = prepared(app.db, 'SELECT 1');
    app.reopen();
    expect(prepared(app.db, 'SELECT 1')).not.toBe(before);
    expect(prepared(app.db, 'SELECT 1', 'pluck').get()).toBe(1);
  });
});
