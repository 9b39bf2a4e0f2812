// The desktop app's "Export PDF" with fakes for the app window's webContents and the dialog: what it
// asks, what it waits for, what it prints and writes, and what it says when something goes wrong.
// The same exporter prints a real page in Chromium in test/e2e/pdf-export.e2e.ts.
import { describe, expect, it } from 'vitest';
import {
  createPdfExporter,
  WINDOW_CLOSED_MESSAGE,
  type PdfExporterDeps,
  type PrintTargetLike,
  type SaveDialogOptions,
} from '../../electron/pdf/pdf-export';
import { READ_READY_SCRIPT } from '../../electron/pdf/print-ready';

const PDF = new TextEncoder().encode('%PDF-1.7\n<< /Type /Pages >>\n<< /Type /Page >>\n<< /Type /Page >>\n%%EOF');

interface Scenario {
  /** What the save dialog answers. */
  choice?: { canceled: boolean; filePath?: string };
  /** The ready attribute's values, one per read; the last one repeats. 'close': the window closes. */
  ready?: (string | null)[];
  failureText?: string;
  parent?: object | null;
  writeFails?: Error;
  /** No app window to print. */
  noTarget?: boolean;
}

function setup(scenario: Scenario = {}) {
  const dialogCalls: { parent: unknown; options: SaveDialogOptions }[] = [];
  const writes: { file: string; data: Uint8Array }[] = [];
  const ready = scenario.ready ?? ['true'];
  const events: string[] = [];

  class FakeContents implements PrintTargetLike {
    destroyed = false;
    polls = 0;
    printOptions: unknown = null;
    isDestroyed() {
      return this.destroyed;
    }
    async executeJavaScript(code: string) {
      if (code === READ_READY_SCRIPT) {
        const value = ready[Math.min(this.polls++, ready.length - 1)];
        if (value === 'close') {
          this.destroyed = true;
          return null;
        }
        return value;
      }
      return scenario.failureText ?? '';
    }
    async printToPDF(options: unknown) {
      events.push('print');
      this.printOptions = options;
      return PDF;
    }
  }
  const target = new FakeContents();

  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      const [parent, options] = args.length === 2 ? args : [undefined, args[0]];
      events.push('dialog');
      dialogCalls.push({ parent, options: options as SaveDialogOptions });
      return scenario.choice ?? { canceled: false, filePath: '/home/alex/Documents/portfolio.pdf' };
    },
  } as PdfExporterDeps<object>['dialog'];

  const deps: PdfExporterDeps<object> = {
    dialog,
    getParentWindow: () => (scenario.parent === undefined ? { id: 'main' } : scenario.parent),
    getPrintTarget: () => (scenario.noTarget ? null : target),
    getSettings: () => ({ learnerName: 'Alex Rivera' }),
    writeFileAtomic: async (file, data) => {
      if (scenario.writeFails) throw scenario.writeFails;
      writes.push({ file, data });
    },
    today: () => '2026-11-26',
    timeoutMs: 300,
    intervalMs: 10,
  };
  return { exportPdf: createPdfExporter(deps), target, dialogCalls, writes, events };
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
    const { exportPdf, target, writes } = setup({ choice: { canceled: true, filePath: '' } });
    await expect(exportPdf('A4')).resolves.toEqual({ saved: false, fileName: '', pages: 0, bytes: 0 });
    expect(target.polls).toBe(0);
    expect(target.printOptions).toBeNull();
    expect(writes).toHaveLength(0);
  });

  it('asks first, waits for the app window to say the document is drawn, then prints it and writes the bytes', async () => {
    const { exportPdf, target, writes, events } = setup({ ready: [null, null, 'true'] });
    const result = await exportPdf('Letter');
    expect(result).toEqual({ saved: true, fileName: 'portfolio.pdf', pages: 2, bytes: PDF.byteLength });
    expect(events).toEqual(['dialog', 'print']);
    expect(target.polls).toBe(3);
    expect(target.printOptions).toEqual({
      pageSize: 'Letter',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
    expect(writes).toEqual([{ file: '/home/alex/Documents/portfolio.pdf', data: PDF }]);
  });

  it('returns the file name only, never the folder, and adds .pdf when the chooser did not', async () => {
    const { exportPdf, writes } = setup({
      choice: { canceled: false, filePath: '/home/alex/private/folder/My portfolio' },
    });
    const result = await exportPdf('A4');
    expect(result.fileName).toBe('My portfolio.pdf');
    expect(writes[0]!.file).toBe('/home/alex/private/folder/My portfolio.pdf');
  });

  it('fails clearly when the document never says it is ready, and prints nothing', async () => {
    const { exportPdf, target, writes } = setup({ ready: [null] });
    await expect(exportPdf('A4')).rejects.toThrow(/did not finish drawing within 300 ms, so no PDF was made/);
    expect(target.printOptions).toBeNull();
    expect(writes).toHaveLength(0);
  });

  it('passes on the page’s error message', async () => {
    const { exportPdf, writes } = setup({
      ready: [null, 'error'],
      failureText: 'The milestones could not be loaded: database is locked',
    });
    await expect(exportPdf('A4')).rejects.toThrow(
      'The portfolio could not be printed: The milestones could not be loaded: database is locked',
    );
    expect(writes).toHaveLength(0);
  });

  it('says the window closed, at once, when it closes while the document draws', async () => {
    const { exportPdf, writes } = setup({ ready: [null, 'close'] });
    await expect(exportPdf('A4')).rejects.toThrow(`The portfolio could not be printed: ${WINDOW_CLOSED_MESSAGE}`);
    expect(writes).toHaveLength(0);
  });

  it('says the window is gone when there is none to print', async () => {
    const { exportPdf, writes } = setup({ noTarget: true });
    await expect(exportPdf('A4')).rejects.toThrow(WINDOW_CLOSED_MESSAGE);
    expect(writes).toHaveLength(0);
  });

  it('says where saving failed, in plain words', async () => {
    const error = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { exportPdf } = setup({ writeFails: error });
    await expect(exportPdf('A4')).rejects.toThrow(
      'The PDF could not be saved to portfolio.pdf: EACCES. Choose another folder and try again.',
    );
  });
});
