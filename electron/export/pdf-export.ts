// The desktop app's portfolio PDF: ask where to save, load the print route in a hidden window (the
// same page `npm run pdf` prints), wait until it says it has drawn everything, print it with
// Chromium, write the file atomically, close the window. Electron's objects come in as parameters,
// so vitest drives this with fakes; electron/main.ts passes the real ones.
import { AppError } from '../../shared/errors';
import path from 'node:path';
import type { PaperSize } from '../../shared/contract';
import { portfolioFileName, printHash } from '../../shared/print';
import type { PdfExporter } from '../handlers/context';
import { countPdfPages, READ_FAILURE_SCRIPT, READ_READY_SCRIPT, waitForPrintReady } from './print-ready';

/** The parts of a BrowserWindow the exporter uses. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  close(): void;
  isDestroyed(): boolean;
  readonly webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: { pageSize: PaperSize; printBackground: boolean; preferCSSPageSize: boolean; generateDocumentOutline?: boolean; generateTaggedPDF?: boolean }): Promise<Uint8Array>;
  };
}

export interface PrintWindowOptions {
  show: false;
  width: number;
  height: number;
  webPreferences: Record<string, unknown>;
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
  BrowserWindow: new (options: PrintWindowOptions) => PrintWindowLike;
  dialog: SaveDialogLike<W>;
  /** The window the save dialog belongs to (the app's main window), if any. */
  getParentWindow: () => W | null | undefined;
  /** The learner's name for the suggested file name. */
  getSettings: () => { learnerName: string } | Promise<{ learnerName: string }>;
  writeFileAtomic: (file: string, data: Uint8Array) => Promise<void>;
  secureWebPreferences: (preload: string) => object;
  preloadPath: string;
  /** "app://companion": the print route is loaded from the app's own origin, so IPC trusts it. */
  appOrigin: string;
  /** Today as a local date "2026-11-26", for the suggested file name. */
  today: () => string;
  timeoutMs?: number;
  intervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const NOT_SAVED = { saved: false, fileName: '', pages: 0, bytes: 0 } as const;

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
    const choice = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { ...NOT_SAVED };
    // Some Linux file choosers do not add the filter's extension.
    const filePath = path.extname(choice.filePath) === '' ? `${choice.filePath}.pdf` : choice.filePath;

    const window = new deps.BrowserWindow({
      show: false,
      // About an A4 page at 96 dpi: the layout the print view is designed at, before paging.
      width: 900,
      height: 1200,
      // The same locked-down preferences as the app's window; a hidden window must still paint.
      webPreferences: { ...deps.secureWebPreferences(deps.preloadPath), backgroundThrottling: false },
    });
    try {
      await window.loadURL(`${deps.appOrigin}/index.html${printHash(paper)}`);
      await waitForPrintReady({
        read: () => window.webContents.executeJavaScript(READ_READY_SCRIPT),
        readFailure: () => window.webContents.executeJavaScript(READ_FAILURE_SCRIPT),
        timeoutMs: deps.timeoutMs,
        intervalMs: deps.intervalMs,
        sleep: deps.sleep,
      });
      const pdf = await window.webContents.printToPDF({
        pageSize: paper,
        printBackground: true,
        preferCSSPageSize: true,
        // Headings become the PDF's bookmarks, and the text is tagged for screen readers (as `npm run pdf` does).
        generateDocumentOutline: true,
        generateTaggedPDF: true,
      });
      try {
        await deps.writeFileAtomic(filePath, pdf);
      } catch (error) {
        throw new AppError('INTERNAL', `The PDF could not be saved to ${path.basename(filePath)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose another folder and try again.`);
      }
      // Only the file's name goes back to the renderer: it never sees paths on the learner's disk.
      return { saved: true, fileName: path.basename(filePath), pages: countPdfPages(pdf), bytes: pdf.byteLength };
    } finally {
      if (!window.isDestroyed()) window.close();
    }
  };
}
