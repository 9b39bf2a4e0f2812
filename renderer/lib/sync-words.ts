// What a sync did, in the sentences Settings → Sync shows ("12 entries from Laptop"). Pure, so the
// wording is tested without a screen (test/unit/sync-words.test.ts).
import type { SyncReportView } from '../../shared/schemas/sync';
import { formatDateTime } from './dates';
import { plural } from './labels';

/**
 * One phrase per machine that sent something: its new time entries, and its other changes (a status,
 * a note, a setting) when there were any. Empty when nothing came in.
 */
function receivedPhrases(report: SyncReportView): string[] {
  return report.received
    .filter((r) => r.changes > 0)
    .map((r) => {
      const others = Math.max(0, r.changes - r.entries);
      const name = r.deviceName.trim() || 'another computer';
      if (r.entries === 0) return `${plural(others, 'change', 'changes')} from ${name}`;
      if (others === 0) return `${plural(r.entries, 'entry', 'entries')} from ${name}`;
      return `${plural(r.entries, 'entry', 'entries')} and ${plural(others, 'other change', 'other changes')} from ${name}`;
    });
}

/**
 * "12 entries from Laptop and 3 changes from Desktop came in." or "Nothing new came in."; with
 * `when`, "… came in 5 minutes ago."
 */
export function receivedSentence(report: SyncReportView, when?: string): string {
  const phrases = receivedPhrases(report);
  if (phrases.length === 0) return 'Nothing new came in.';
  const list = phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1)!}`;
  return `${list} came in${when ? ` ${when}` : ''}.`;
}

/** "3 changes of yours went out." or null when none did. */
export function wroteSentence(report: SyncReportView): string | null {
  return report.wrote > 0 ? `${plural(report.wrote, 'change', 'changes')} of yours went out.` : null;
}

/** "just now", "5 minutes ago", "3 hours ago", or the date and time for anything older than a day. */
export function whenSynced(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute', 'minutes')} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${plural(hours, 'hour', 'hours')} ago`;
  return formatDateTime(at);
}
