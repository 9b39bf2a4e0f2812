// Which portfolio entries the PDF prints. Projects are in the portfolio by default, but an entry
// the learner has not touched yet (not started, no time, nothing written) would be a blank page
// in front of an employer: the PDF prints it as one line of "still to come" instead.
import type { PortfolioEntry } from './contract';

export function hasSomethingToShow(entry: PortfolioEntry): boolean {
  if (entry.status !== 'not_started' || entry.loggedHours > 0 || entry.latestAssessment) return true;
  const written = Object.entries(entry.fields).some(([key, value]) => value.trim() !== '' && !entry.prefilled.includes(key as never));
  return written || Object.values(entry.links).some((link) => link !== '');
}

export function entriesToPrint(entries: readonly PortfolioEntry[]) {
  const included = entries.filter((e) => e.included);
  return { printed: included.filter(hasSomethingToShow), stillToCome: included.filter((e) => !hasSomethingToShow(e)) };
}
