// The portfolio's print view: one document, drawn by the print route that `npm run pdf` loads
// (Chromium's page.pdf) and embedded in the desktop app's window while its export prints that
// window (printToPDF), so the PDF is the same.
import type { PaperSize } from './schemas/portfolio';

export const printHash = (paper: PaperSize) => `#/print/${paper}`;

/** Set on <html> by the print view once data is drawn, charts are rendered and fonts are loaded. */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

/** A file name that says whose portfolio it is and when it was made: "Alex-Rivera-MLOps-portfolio-2026-11-26.pdf". */
export function portfolioFileName(learnerName: string, date: string): string {
  const name = learnerName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60);
  return `${name ? `${name}-` : ''}MLOps-portfolio-${date}.pdf`;
}
