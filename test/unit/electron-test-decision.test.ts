// When the _electron tests run, skip (saying why) or fail: test/electron/prepare.ts.
import { describe, expect, it } from 'vitest';
import { electronTestDecision } from '../../test/electron/prepare';

describe('electronTestDecision', () => {
  it('runs them when Electron and its database module could be had', () => {
    expect(electronTestDecision({ ok: true }, { ok: true }, true)).toEqual({ run: true });
    expect(electronTestDecision({ ok: true }, null, false)).toEqual({ run: true });
  });

  it('skips them, saying why, where Electron cannot be had and nobody requires them (these build machines)', () => {
    expect(electronTestDecision({ ok: false, reason: 'no connection to its download server' }, null, false)).toEqual({
      run: false,
      skip: "Electron's binary could not be had here (no connection to its download server): the _electron tests run where it can be, e.g. GitHub Actions.",
    });
  });

  it('fails them where they are required (CI with COMPANION_REQUIRE_ELECTRON=1): a skip must not pass', () => {
    expect(electronTestDecision({ ok: false, reason: 'no connection to its download server' }, null, true)).toEqual({
      run: false,
      fail: "The _electron tests must run here (COMPANION_REQUIRE_ELECTRON=1), but Electron's binary could not be had here (no connection to its download server).",
    });
    expect(electronTestDecision({ ok: true }, { ok: false, reason: 'gyp ERR! build error' }, true)).toEqual({
      run: false,
      fail: 'The _electron tests must run here (COMPANION_REQUIRE_ELECTRON=1), but the database module could not be built for Electron (gyp ERR! build error).',
    });
  });
});
