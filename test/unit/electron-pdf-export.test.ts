// The desktop app's "Export PDF" with fakes for Electron's BrowserWindow and dialog: what it asks,
// what it loads, what it writes, and that the hidden window is closed whatever happens.
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../shared/bridge';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';
import { createPdfExporter, type PdfExporterDeps, type PrintWindowLike, type PrintWindowOptions, type SaveDialogOptions } from '../../electron/export/pdf-export';
import { READ_READY_SCRIPT } from '../../electron/export/print-ready';
import { secureWebPreferences } from '../../electron/security';

const PDF = new TextEncoder().encode('%PDF-1.7\n<< /Type /Pages >>\n<< /Type /Page >>\n<< /Type /Page >>\n%%EOF');

interface Scenario {
  /** What the save dialog answers. */
  choice?: { canceled: boolean; filePath?: string };
  /** The ready attribute's values, one per poll; the last one repeats. */
  ready?: (string | null)[];
  failureText?: string;
  parent?: object | null;
  writeFails?: Error;
}

function setup(scenario: Scenario = {}) {
  const windows: FakeWindow[] = [];
  const dialogCalls: { parent: unknown; options: SaveDialogOptions }[] = [];
  const writes: { file: string; data: Uint8Array }[] = [];
  const ready = scenario.ready ?? ['true'];

  class FakeWindow implements PrintWindowLike {
    loaded: string[] = [];
    closed = false;
    polls = 0;
    printOptions: unknown = null;
    constructor(readonly options: PrintWindowOptions) {
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
    close() {
      this.closed = true;
    }
    isDestroyed() {
      return this.closed;
    }
    webContents = {
      executeJavaScript: async (code: string) => {
        if (code === READ_READY_SCRIPT) return ready[Math.min(this.polls++, ready.length - 1)];
        return scenario.failureText ?? '';
      },
      printToPDF: async (options: unknown) => {
        this.printOptions = options;
        return PDF;
      },
    };
  }

  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      const [parent, options] = args.length === 2 ? args : [undefined, args[0]];
      dialogCalls.push({ parent, options: options as SaveDialogOptions });
      return scenario.choice ?? { canceled: false, filePath: '/home/alex/Documents/portfolio.pdf' };
    },
  } as PdfExporterDeps<object>['dialog'];

  const deps: PdfExporterDeps<object> = {
    BrowserWindow: FakeWindow,
    dialog,
    getParentWindow: () => (scenario.parent === undefined ? { id: 'main' } : scenario.parent),
    getSettings: () => ({ learnerName: 'Alex Rivera' }),
    writeFileAtomic: async (file, data) => {
      if (scenario.writeFails) throw scenario.writeFails;
      writes.push({ file, data });
    },
    secureWebPreferences,
    preloadPath: '/app/dist-electron/preload.cjs',
    appOrigin: APP_ORIGIN,
    today: () => '2026-11-26',
    timeoutMs: 300,
    intervalMs: 10,
  };
  return { exportPdf: createPdfExporter(deps), windows, dialogCalls, writes };
}

describe('createPdfExporter', () => {
  it('suggests a file name with the learner and the date, for PDF files, over the main window', async () => {
    const { exportPdf, dialogCalls } = setup();
    await exportPdf('A4');
    expect(dialogCalls).toHaveLength(1);
    expect(dialogCalls[0]!.parent).toEqual({ id: 'main' });
    expect(dialogCalls[0]!.options).toMatchObject({
      defaultPath: 'Alex-Rivera-MLOps-portfolio-2026-11-26.pdf',
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('asks without a parent when the main window is gone', async () => {
    const { exportPdf, dialogCalls } = setup({ parent: null });
    await exportPdf('A4');
    expect(dialogCalls[0]!.parent).toBeUndefined();
  });

  it('does nothing more when the learner cancels the dialog', async () => {
    const { exportPdf, windows, writes } = setup({ choice: { canceled: true, filePath: '' } });
    await expect(exportPdf('A4')).resolves.toEqual({ saved: false, fileName: '', pages: 0, bytes: 0 });
    expect(windows).toHaveLength(0);
    expect(writes).toHaveLength(0);
  });

  it('prints the print route in a hidden, locked-down window, writes the bytes and closes the window', async () => {
    const { exportPdf, windows, writes } = setup({ ready: [null, null, 'true'] });
    const result = await exportPdf('Letter');
    expect(result).toEqual({ saved: true, fileName: 'portfolio.pdf', pages: 2, bytes: PDF.byteLength });

    expect(windows).toHaveLength(1);
    const window = windows[0]!;
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({
      ...secureWebPreferences('/app/dist-electron/preload.cjs'),
      backgroundThrottling: false,
    });
    expect(window.loaded).toEqual(['app://companion/index.html#/print/Letter']);
    expect(window.polls).toBe(3);
    expect(window.printOptions).toMatchObject({ pageSize: 'Letter', printBackground: true, preferCSSPageSize: true });
    expect(writes).toEqual([{ file: '/home/alex/Documents/portfolio.pdf', data: PDF }]);
    expect(window.closed).toBe(true);
  });

  it('returns the file name only, never the folder, and adds .pdf when the chooser did not', async () => {
    const { exportPdf, writes } = setup({ choice: { canceled: false, filePath: '/home/alex/private/folder/My portfolio' } });
    const result = await exportPdf('A4');
    expect(result.fileName).toBe('My portfolio.pdf');
    expect(writes[0]!.file).toBe('/home/alex/private/folder/My portfolio.pdf');
  });

  it('fails clearly when the page never says it is ready, and still closes the window', async () => {
    const { exportPdf, windows, writes } = setup({ ready: [null] });
    await expect(exportPdf('A4')).rejects.toThrow(/did not finish drawing within 300 ms, so no PDF was made/);
    expect(windows[0]!.closed).toBe(true);
    expect(writes).toHaveLength(0);
  });

  it('passes on the page’s error message and closes the window', async () => {
    const { exportPdf, windows, writes } = setup({ ready: [null, 'error'], failureText: 'The milestones could not be loaded: database is locked' });
    await expect(exportPdf('A4')).rejects.toThrow('The portfolio could not be printed: The milestones could not be loaded: database is locked');
    expect(windows[0]!.closed).toBe(true);
    expect(writes).toHaveLength(0);
  });

  it('closes the window when writing the file fails', async () => {
    const { exportPdf, windows } = setup({ writeFails: new Error('EACCES: permission denied') });
    await expect(exportPdf('A4')).rejects.toThrow('EACCES');
    expect(windows[0]!.closed).toBe(true);
  });

  it('reads the ready attribute the print view sets', () => {
    expect(READ_READY_SCRIPT).toBe(`document.documentElement.getAttribute("${PRINT_READY_ATTRIBUTE}")`);
  });
});
