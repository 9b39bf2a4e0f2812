// The portfolio as a printed document, in two places: the print route that `npm run pdf` loads in
// Chromium (page.pdf), and embedded in the desktop app's own window while its export runs (laid out
// off screen beside the app, the only thing shown in print; main's printToPDF prints that window,
// so no second renderer has to start). It renders for paper, not for the screen:
// light colours whatever the theme, fixed chart sizes, no animation, and page breaks that keep
// headings with what follows. Once everything is drawn it sets PRINT_READY_ATTRIBUTE on <html>;
// the printers wait for that and never print a half-loaded page.
import { createPortal } from 'react-dom';
import type { PaperSize } from '../../shared/schemas/portfolio';
import { useData } from '../lib/data';
import { printTitle } from './format';
import { PortfolioDocument } from './PortfolioDocument';
import { usePrintData } from './usePrintData';
import { usePrintDocument } from './usePrintDocument';
import { usePrintReady } from './usePrintReady';
import './print.css';

/**
 * `embedded`: inside the running app (PdfExportProvider) rather than as the page's only content.
 * The document then goes into a host beside the app's root, and the app keeps its theme on screen.
 */
export function PrintPortfolio({ paper, embedded = false }: { paper: PaperSize; embedded?: boolean }) {
  const { curriculum } = useData();
  const { data, failureMessage } = usePrintData();
  usePrintDocument(paper, data ? printTitle(data.settings) : 'MLOps Portfolio', embedded);
  const error = usePrintReady(paper, data !== null, failureMessage);

  const content = error ? (
    <main className="print-doc print-failure" role="alert">
      <h1>The portfolio could not be printed</h1>
      <p>{error}</p>
    </main>
  ) : data ? (
    <PortfolioDocument data={data} curriculum={curriculum} paper={paper} />
  ) : (
    <main className="print-doc" aria-busy="true" />
  );
  return embedded ? createPortal(<div className="print-host">{content}</div>, document.body) : content;
}
