// Super Productivity backups: per-day totals of open and archived tasks, subtasks under parents.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../electron/import';
import { FIXTURE_NOW, fixture } from '../support/time-reports';

describe('Super Productivity backup (JSON)', () => {
  const report = parseReport(fixture('super-productivity-backup.json'), {
    now: FIXTURE_NOW,
    timeZone: 'Europe/Berlin',
  });

  it('is recognised from its shape and reads open and archived tasks, one row per task and day', () => {
    expect(report.format).toBe('super-productivity');
    expect(report.rows).toEqual([
      {
        project: 'Model API Service',
        task: '4.1 Serve the model',
        description: '',
        startedAt: Date.parse('2025-11-30T23:00:00Z'),
        endedAt: Date.parse('2025-12-01T00:30:00Z'),
        durationMs: 5_400_000,
        sourceRow: 1,
        dayTotalOnly: true,
      },
      {
        // A subtask is filed under its parent and inherits its project; the parent's own total (the
        // sum of its subtasks') is not counted a second time.
        project: 'Model API Service',
        task: 'Experiment tracking',
        description: 'MLflow server',
        startedAt: Date.parse('2025-12-02T23:00:00Z'),
        endedAt: Date.parse('2025-12-03T00:00:00Z'),
        durationMs: 3_600_000,
        sourceRow: 2,
        dayTotalOnly: true,
      },
      {
        project: 'Inbox',
        task: 'Docker basics',
        description: '',
        startedAt: Date.parse('2025-11-09T23:00:00Z'),
        endedAt: Date.parse('2025-11-10T01:00:00Z'),
        durationMs: 7_200_000,
        sourceRow: 3,
        dayTotalOnly: true,
      },
    ]);
  });

  it('refuses more than 24 hours on a day, a day that does not exist, and a day in the future', () => {
    expect(report.refusals).toEqual([
      {
        sourceRow: 4,
        reason:
          'The time of "Docker basics" on 2025-11-11 is left out: it lasts 28 h 00 min, longer than 24 hours (probably a timer left running).',
      },
      {
        sourceRow: 5,
        reason: 'The time of "Planned review" on 2025-11-31 is left out: its day or duration cannot be read.',
      },
      { sourceRow: 6, reason: 'The time of "Planned review" on 2026-02-01 is left out: it ends in the future.' },
    ]);
  });

  it('also reads an older backup without the "data" wrapper and with "taskArchive"', () => {
    const legacy = JSON.stringify({
      project: { ids: [], entities: {} },
      task: { ids: [], entities: {} },
      taskArchive: {
        ids: ['a'],
        entities: { a: { id: 'a', title: 'Old task', subTaskIds: [], timeSpentOnDay: { '2024-05-02': 600000 } } },
      },
    });
    const old = parseReport(legacy, { now: FIXTURE_NOW, timeZone: 'UTC' });
    expect(old.rows).toMatchObject([{ task: 'Old task', project: '', durationMs: 600_000 }]);
  });
});
