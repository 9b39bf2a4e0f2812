// The desktop app's portfolio PDF: ask where to save while the renderer draws the portfolio document
// in the app's own window (off screen; renderer/print/PdfExport.tsx), wait until it says it has
// drawn everything, print that window with Chromium (print media shows the document alone), and
// write the file atomically. Printing the window the learner already has open, rather than loading
// the print route in a new hidden one, spares a renderer's start, load and warm-up: about half the
// time to the file. Electron's objects come in as parameters, so vitest drives this with fakes and
// `npm run bench` with Playwright's page; electron/main.ts passes the real ones.
import { AppError } from '../../shared/errors';
import path from 'node:path';
import type { PaperSize } from '../../shared/schemas/portfolio';
import { portfolioFileName } from '../../shared/print';
import type { PdfExporter } from '../handlers';
import { countPdfPages, READ_FAILURE_SCRIPT, READ_READY_SCRIPT, waitForPrintReady } from './print-ready';

/** Electron's printToPDF options that the exporter sets. */
export interface PrintToPdfOptions {
  pageSize: PaperSize;
  printBackground: boolean;
  preferCSSPageSize: boolean;
  generateDocumentOutline?: boolean;
  generateTaggedPDF?: boolean;
}

/** The parts of the app window's webContents the exporter uses. */
export interface PrintTargetLike {
  isDestroyed(): boolean;
  executeJavaScript(code: string): Promise<unknown>;
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
}

export interface SaveDialogLike<W> {
  showSaveDialog(window: W, options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
}
export interface SaveDialogOptions {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('showOverwriteConfirmation' | 'createDirectory')[];
}

export interface PdfExporterDeps<W> {
  dialog: SaveDialogLike<W>;
  /** The window the save dialog belongs to (the app's main window), if any. */
  getParentWindow: () => W | null | undefined;
  /**
   * What is printed: the app window's webContents. Its renderer draws the portfolio document off
   * screen while the dialog is open (renderer/print/PdfExport.tsx) and sets the ready attribute.
   */
  getPrintTarget: () => PrintTargetLike | null | undefined;
  /** The learner's name for the suggested file name. */
  getSettings: () => { learnerName: string } | Promise<{ learnerName: string }>;
  writeFileAtomic: (file: string, data: Uint8Array) => Promise<void>;
  /** Today as a local date "2026-11-26", for the suggested file name. */
  today: () => string;
  timeoutMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * How the portfolio is printed, by the desktop export and by `npm run pdf` alike: the paper the
 * page's CSS names, its backgrounds, headings as the PDF's bookmarks, and text tagged for screen
 * readers.
 */
export const portfolioPrintOptions = (paper: PaperSize): PrintToPdfOptions => ({
  pageSize: paper,
  printBackground: true,
  preferCSSPageSize: true,
  generateDocumentOutline: true,
  generateTaggedPDF: true,
});

export const WINDOW_CLOSED_MESSAGE = 'The app’s window was closed before the PDF was made.';

const NOT_SAVED = { saved: false, fileName: '', pages: 0, bytes: 0 } as const;

export function createPdfExporter<W>(deps: PdfExporterDeps<W>): PdfExporter {
  return async (paper: PaperSize) => {
    const { learnerName } = await deps.getSettings();
    const options: SaveDialogOptions = {
      title: 'Save your portfolio as PDF',
      defaultPath: portfolioFileName(learnerName, deps.today()),
      buttonLabel: 'Save PDF',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const parent = deps.getParentWindow();
    const choice = parent
      ? await deps.dialog.showSaveDialog(parent, options)
      : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ...NOT_SAVED };
    // Some Linux file choosers do not add the filter's extension.
    const filePath = path.extname(choice.filePath) === '' ? `${choice.filePath}.pdf` : choice.filePath;

    const target = deps.getPrintTarget();
    if (!target || target.isDestroyed()) throw new AppError('INTERNAL', WINDOW_CLOSED_MESSAGE);
    // A window closed while waiting reads as an error at once, not as a page that never got ready.
    const closed = () => target.isDestroyed();
    await waitForPrintReady({
      read: () => (closed() ? Promise.resolve('error') : target.executeJavaScript(READ_READY_SCRIPT)),
      readFailure: () =>
        closed() ? Promise.resolve(WINDOW_CLOSED_MESSAGE) : target.executeJavaScript(READ_FAILURE_SCRIPT),
      timeoutMs: deps.timeoutMs,
      intervalMs: deps.intervalMs,
      sleep: deps.sleep,
    });
    const pdf = await target.printToPDF(portfolioPrintOptions(paper));
    try {
      await deps.writeFileAtomic(filePath, pdf);
    } catch (error) {
      throw new AppError(
        'INTERNAL',
        `The PDF could not be saved to ${path.basename(filePath)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose another folder and try again.`,
      );
    }
    // Only the file's name goes back to the renderer: it never sees paths on the learner's disk.
    return { saved: true, fileName: path.basename(filePath), pages: countPdfPages(pdf), bytes: pdf.byteLength };
  };
}

/**
 * A save dialog that answers by itself with the suggested name in `dir`: for the smoke test of the
 * packaged app (COMPANION_E2E=1 and COMPANION_E2E_SAVE_DIR), which reaches the window over the
 * DevTools protocol and so cannot answer a native dialog or replace it from main as the _electron
 * tests do.
 */
export function answeringSaveDialog<W>(dir: string): SaveDialogLike<W> {
  return {
    showSaveDialog: async (...args: [W, SaveDialogOptions] | [SaveDialogOptions]) => {
      const options = args.length === 2 ? args[1] : args[0];
      return { canceled: false, filePath: path.join(dir, path.basename(options.defaultPath)) };
    },
  };
}
