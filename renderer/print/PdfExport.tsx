// The desktop app's "Export PDF". The portfolio document is drawn inside the app's own window while
// main asks where to save the file; main then waits for the document to say it is ready and prints
// this window (printToPDF). No second window, so no second renderer to start, load and warm up:
// that halves the time to the file. The learner sees nothing of it: the document is laid out off
// screen, and only print media shows it, alone (print.css, html.print-embedded).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../shared/contract';
import type { PaperSize } from '../../shared/schemas/portfolio';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';
import { call } from '../api';

export type PrintModule = typeof import('./PrintPortfolio');
/** The print view's code, loaded on demand (the print route loads it too). */
export const loadPrintView = (): Promise<PrintModule> => import('./PrintPortfolio');

type ExportResult = ChannelOutput<'portfolio.exportPdf'>;
type ExportPdf = (paper: PaperSize) => Promise<ExportResult>;

export const EXPORT_RUNNING_MESSAGE = 'The portfolio is already being exported. Wait until that PDF is saved.';

const PdfExportContext = createContext<ExportPdf | null>(null);

export function usePdfExport(): ExportPdf {
  const value = useContext(PdfExportContext);
  if (!value) throw new Error('usePdfExport outside PdfExportProvider');
  return value;
}

/** Holds the export in progress above the screens, so leaving the Portfolio screen does not cut it short. */
export function PdfExportProvider({ children }: { children: ReactNode }) {
  const [paper, setPaper] = useState<PaperSize | null>(null);
  const [view, setView] = useState<PrintModule | null>(null);
  const running = useRef(false);
  const jobs = useRef(0);
  useEffect(() => {
    // Main is waiting on the ready attribute: if the code cannot load, say so at once.
    if (paper && !view)
      loadPrintView().then(setView, () => document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, 'error'));
  }, [paper, view]);

  const exportPdf = useCallback<ExportPdf>(async (chosen) => {
    if (running.current) throw new Error(EXPORT_RUNNING_MESSAGE);
    running.current = true;
    const job = ++jobs.current;
    // The document starts drawing now, while main's save dialog is open.
    setPaper(chosen);
    try {
      return await call('portfolio.exportPdf', { paper: chosen });
    } finally {
      running.current = false;
      // Taken down once the next frame, with the caller's "Saved" notice, is on screen: the notice
      // does not wait for 50 pages of document to be removed (about 30 ms). Not if another export
      // has begun meanwhile: the document is its now.
      afterNextFrame(() => jobs.current === job && setPaper(null));
    }
  }, []);

  return (
    <PdfExportContext.Provider value={exportPdf}>
      {children}
      {paper && view ? <view.PrintPortfolio paper={paper} embedded /> : null}
    </PdfExportContext.Provider>
  );
}

/** Runs `fn` in a task after the next frame, or after 100 ms where frames do not come (a hidden window). */
function afterNextFrame(fn: () => void) {
  let queued = false;
  const queue = () => {
    if (queued) return;
    queued = true;
    setTimeout(fn, 0);
  };
  requestAnimationFrame(queue);
  setTimeout(queue, 100);
}
