// Time-report files for the import tests: the committed fixtures (made from each tracker's
// documented columns, docs/import-formats.md) and a generator for large reports, made in the test
// so 20,000 rows never sit in the repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './source-files';

/** The instant the fixtures are read at: after all their past rows, before their planned ones. */
export const FIXTURE_NOW = Date.parse('2026-01-15T12:00:00Z');

/** A committed fixture's text, BOM and line endings as written. */
export function fixture(name: string): string {
  return readFileSync(path.join(repoRoot, 'test', 'fixtures', 'time-reports', name), 'utf8');
}

const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()';
const PROJECTS = ['Model API Service', 'Experiment Tracking', 'Kubernetes Deployment', 'Feature Store'];

const pad = (n: number) => String(n).padStart(2, '0');

/** h:mm:ss for a number of minutes, as Toggl writes durations. */
function clock(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}

/**
 * A Toggl Track detailed report of `rows` entries, four a day from 2012-01-02 on, each 30 to 119
 * minutes, with the quirks of real exports: a BOM, CRLF, and every tenth description quoted with a
 * comma, a doubled quote and a line break. Returns the text and the total of its durations.
 */
export function largeTogglReport(rows: number): { text: string; totalMs: number } {
  const lines = [TOGGL_HEADER];
  let totalMs = 0;
  const firstDay = Date.UTC(2012, 0, 2);
  for (let i = 0; i < rows; i++) {
    const day = new Date(firstDay + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
    const startHour = 8 + (i % 4) * 3;
    const minutes = 30 + ((i * 37) % 90);
    const endMinutes = startHour * 60 + minutes;
    const description = i % 10 === 0 ? `"Session ${i}, notes:\n""drift"" checked"` : `Session ${i}`;
    lines.push(
      [
        'Ada Learner',
        'ada@example.com',
        '',
        PROJECTS[i % PROJECTS.length],
        `${1 + (i % 6)}.${1 + (i % 3)}`,
        description,
        'No',
        day,
        `${pad(startHour)}:00:00`,
        day,
        `${pad(Math.floor(endMinutes / 60))}:${pad(endMinutes % 60)}:00`,
        clock(minutes),
        '',
        '',
      ].join(','),
    );
    totalMs += minutes * 60_000;
  }
  return { text: `\ufeff${lines.join('\r\n')}\r\n`, totalMs };
}
