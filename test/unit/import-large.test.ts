// A 20,000-row Toggl report, generated here (never committed), parses whole. No timing assertions:
// speed is the bench's business.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../electron/import';
import { FIXTURE_NOW, largeTogglReport } from '../support/time-reports';

describe('a 20,000-row Toggl Track report', () => {
  it('parses every row, multi-line descriptions included, and keeps every minute', () => {
    const { text, totalMs } = largeTogglReport(20_000);
    const report = parseReport(text, { now: FIXTURE_NOW, timeZone: 'Europe/Berlin' });
    expect(report.refusals).toEqual([]);
    expect(report.rows).toHaveLength(20_000);
    expect(report.rows.reduce((sum, r) => sum + r.durationMs, 0)).toBe(totalMs);
    expect(report.rows.at(-1)!.sourceRow).toBe(20_001);
    expect(report.rows[10]!.description).toBe('Session 10, notes:\n"drift" checked');
  });
});
