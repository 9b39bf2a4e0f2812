// Which portfolio entries the PDF prints. Projects are in the portfolio by default, but an entry
// with nothing to show (no time, nothing written, no assessment, not done) would be a blank page
// in front of an employer, "In progress — 0h": the PDF prints it as one line of "still to come".
import type { PortfolioEntry } from './schemas/portfolio';

export function hasSomethingToShow(entry: PortfolioEntry): boolean {
  // A status alone is not content: "in progress" or "skipped" says nothing an employer can look at.
  if (entry.status === 'done' || entry.loggedHours > 0 || entry.latestAssessment) return true;
  const written = Object.entries(entry.fields).some(
    ([key, value]) => value.trim() !== '' && !entry.prefilled.includes(key as never),
  );
  return written || Object.values(entry.links).some((link) => link !== '');
}

export function entriesToPrint(entries: readonly PortfolioEntry[]) {
  const included = entries.filter((e) => e.included);
  const empty = included.filter((e) => !hasSomethingToShow(e));
  // A skipped item with nothing to show is not coming at all: it is left out, not promised.
  return { printed: included.filter(hasSomethingToShow), stillToCome: empty.filter((e) => e.status !== 'skipped') };
}
