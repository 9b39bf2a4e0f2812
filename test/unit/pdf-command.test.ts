// `npm run pdf`'s browser-free parts: the command line, page counting, the atomic write, waiting for
// the print view, deciding when the renderer needs a build; and the print route itself.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRoute, hrefFor } from '../../renderer/lib/router';
import {
  CSS_PX_PER_MM,
  FIT_SAFETY_MM,
  fitSectionsToPages,
  fitZoom,
  MIN_FIT_ZOOM,
  PAGE_CONTENT_HEIGHT_MM,
} from '../../renderer/print/fit';
import { printHash } from '../../shared/print';
import {
  countPdfPages,
  formatPdfSummary,
  parsePdfArgs,
  PDF_USAGE,
  PrintViewError,
  rendererNeedsBuild,
  waitForPrintReady,
  writeFileAtomic,
} from '../../scripts/pdf-command';

const folders: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'companion-pdf-command-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('parsePdfArgs', () => {
  const cwd = '/home/learner';

  it('reads a database, an output file and a paper size, resolved against the working folder', () => {
    expect(parsePdfArgs(['--db', 'data/companion.db', '--out', 'out/portfolio.pdf', '--paper', 'Letter'], cwd)).toEqual(
      {
        dbFile: '/home/learner/data/companion.db',
        outFile: '/home/learner/out/portfolio.pdf',
        paper: 'Letter',
      },
    );
  });

  it('prints on A4 unless told otherwise, and --demo needs no database', () => {
    expect(parsePdfArgs(['--demo', '--out', '/tmp/demo.pdf'], cwd)).toEqual({
      dbFile: null,
      outFile: '/tmp/demo.pdf',
      paper: 'A4',
    });
  });

  it('takes the paper size in any case', () => {
    expect(parsePdfArgs(['--demo', '--out', 'a.pdf', '--paper', 'a4'], cwd).paper).toBe('A4');
    expect(parsePdfArgs(['--demo', '--out', 'a.pdf', '--paper', 'LETTER'], cwd).paper).toBe('Letter');
  });

  it.each([
    [['--demo'], /--out FILE\.pdf/],
    [['--out', 'a.pdf'], /--db FILE, or --demo/],
    [['--db', 'a.db', '--demo', '--out', 'a.pdf'], /not both/],
    [['--demo', '--out', 'a.pdf', '--paper', 'A3'], /A4 or Letter, not "A3"/],
    [['--demo', '--out'], /incomplete option "--out"/],
    [['--db', '--demo', '--out', 'a.pdf'], /incomplete option "--db"/],
    [['--demo', '--out', 'a.pdf', '--landscape'], /Unknown or incomplete option "--landscape"/],
    [['--db', 'same.db', '--out', 'same.db'], /cannot be written over the database/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parsePdfArgs(argv, cwd)).toThrow(message);
  });

  it('shows the usage with every refusal', () => {
    expect(() => parsePdfArgs(['--nope'], cwd)).toThrow(PDF_USAGE);
  });
});

describe('countPdfPages', () => {
  const pdf = (body: string) => new TextEncoder().encode(`%PDF-1.4\n${body}\n%%EOF`);

  it('counts page objects and not the page tree', () => {
    const body = [
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R >> endobj',
      '4 0 obj <</Type/Page/Parent 2 0 R>> endobj',
      '5 0 obj << /Type\n/Page\n/Parent 2 0 R >> endobj',
    ].join('\n');
    expect(countPdfPages(pdf(body))).toBe(3);
  });

  it('is 0 for bytes that are not a PDF', () => {
    expect(countPdfPages(new Uint8Array([0, 1, 2, 3]))).toBe(0);
  });

  it('reads a view into a larger buffer, not the whole buffer', () => {
    const whole = pdf('<< /Type /Page >> << /Type /Page >>');
    const firstHalf = whole.subarray(0, whole.indexOf(0x3e) + 2); // up to the first ">>"
    expect(countPdfPages(firstHalf)).toBe(1);
  });
});

describe('formatPdfSummary', () => {
  it('says where, how many pages, how big and how long', () => {
    expect(formatPdfSummary({ file: 'out.pdf', pages: 12, bytes: 452_000, ms: 3_420 })).toBe(
      'Wrote out.pdf: 12 pages, 441 KB in 3.4 s',
    );
    expect(formatPdfSummary({ file: 'a.pdf', pages: 1, bytes: 10, ms: 50 })).toBe('Wrote a.pdf: 1 page, 1 KB in 0.1 s');
  });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temporary file behind', async () => {
    const dir = scratch();
    const file = path.join(dir, 'portfolio.pdf');
    await writeFileAtomic(file, new TextEncoder().encode('first'));
    await writeFileAtomic(file, new TextEncoder().encode('second, longer'));
    expect(readFileSync(file, 'utf8')).toBe('second, longer');
    expect(readdirSync(dir)).toEqual(['portfolio.pdf']);
  });

  it('fails without touching anything when the folder does not exist', async () => {
    const dir = scratch();
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.pdf'), new Uint8Array([1]))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old file whole when the new one cannot be put in its place', async () => {
    const dir = scratch();
    const target = path.join(dir, 'taken');
    mkdirSync(target); // a folder where the file should go: the rename fails
    writeFileSync(path.join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, new TextEncoder().encode('new'))).rejects.toThrow();
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('waitForPrintReady', () => {
  const noSleep = async () => {};

  it('returns once the page says "true"', async () => {
    const states = [null, null, 'true'];
    let reads = 0;
    await waitForPrintReady({ read: async () => states[reads++], sleep: noSleep });
    expect(reads).toBe(3);
  });

  it('treats a page that cannot run scripts yet as not ready', async () => {
    let reads = 0;
    await waitForPrintReady({
      read: async () => {
        if (++reads < 3) throw new Error('Execution context was destroyed');
        return 'true';
      },
      sleep: noSleep,
    });
    expect(reads).toBe(3);
  });

  it('fails with the page’s own message on "error"', async () => {
    const error = await waitForPrintReady({
      read: async () => 'error',
      readFailure: async () => '  The portfolio entries could not be loaded: disk I/O error  ',
      sleep: noSleep,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintViewError);
    expect((error as PrintViewError).reason).toBe('error');
    expect((error as Error).message).toBe(
      'The portfolio could not be printed: The portfolio entries could not be loaded: disk I/O error',
    );
  });

  it('fails after the time allowed, saying so in seconds', async () => {
    let clock = 0;
    const error = await waitForPrintReady({
      read: async () => null,
      timeoutMs: 30_000,
      intervalMs: 100,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
    }).catch((e: unknown) => e);
    expect((error as PrintViewError).reason).toBe('timeout');
    expect((error as Error).message).toMatch(/did not finish drawing within 30 s, so no PDF was made/);
    expect(clock).toBe(30_000);
  });
});

describe('rendererNeedsBuild', () => {
  it('is true when the build is missing or older than a source, false when it is current', () => {
    const root = scratch();
    const out = path.join(root, 'dist');
    const src = path.join(root, 'src', 'nested');
    mkdirSync(src, { recursive: true });
    writeFileSync(path.join(src, 'a.tsx'), '');
    expect(rendererNeedsBuild(out, [path.join(root, 'src')])).toBe(true);

    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), '');
    const t = Date.now() / 1000;
    utimesSync(path.join(src, 'a.tsx'), t - 100, t - 100);
    utimesSync(path.join(out, 'index.html'), t - 50, t - 50);
    expect(rendererNeedsBuild(out, [path.join(root, 'src')])).toBe(false);

    utimesSync(path.join(src, 'a.tsx'), t, t);
    expect(rendererNeedsBuild(out, [path.join(root, 'src')])).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });
});

describe('the print route', () => {
  it('parses the hashes printHash makes, and nothing else as print', () => {
    expect(parseRoute(printHash('A4'))).toEqual({ screen: 'print', paper: 'A4' });
    expect(parseRoute(printHash('Letter'))).toEqual({ screen: 'print', paper: 'Letter' });
    expect(parseRoute('#/print/A3')).toEqual({ screen: 'portfolio' });
    expect(parseRoute('#/print')).toEqual({ screen: 'portfolio' });
    expect(hrefFor({ screen: 'print', paper: 'Letter' })).toBe(printHash('Letter'));
  });
});

describe('fitting a section to one page', () => {
  it('leaves a section that fits, and one far too long to fit, as they are', () => {
    expect(fitZoom(900, 1000)).toBe(1);
    expect(fitZoom(1000, 1000)).toBe(1);
    expect(fitZoom(1500, 1000)).toBe(1);
  });

  it('zooms a section a little too tall just enough, rounding down', () => {
    expect(fitZoom(1050, 1000)).toBe(0.952);
    expect(1050 * fitZoom(1050, 1000)).toBeLessThanOrEqual(1000);
    expect(fitZoom(1000 / MIN_FIT_ZOOM, 1000)).toBe(MIN_FIT_ZOOM);
  });

  it('measures every marked block against the paper’s printable height and zooms only those over it', () => {
    const page = (paper: 'A4' | 'Letter') => (PAGE_CONTENT_HEIGHT_MM[paper] - FIT_SAFETY_MM) * CSS_PX_PER_MM;
    const block = (height: number) => {
      const style = new Map<string, string>([['zoom', '0.5']]);
      return {
        style: {
          setProperty: (k: string, v: string) => void style.set(k, v),
          removeProperty: (k: string) => void style.delete(k),
        },
        getBoundingClientRect: () => ({ height }),
        zoom: () => style.get('zoom'),
      };
    };
    const blocks = [block(page('Letter') - 1), block(page('Letter') * 1.05), block(page('Letter') * 2)];
    const root = {
      querySelectorAll: (selector: string) => (selector === '[data-fit-page]' ? blocks : []),
    } as unknown as ParentNode;
    expect(fitSectionsToPages(root, 'Letter')).toBe(1);
    expect(blocks.map((b) => b.zoom())).toEqual([undefined, '0.952', undefined]);
    // A4 is taller: the same block needs less (or no) zoom there.
    expect(fitSectionsToPages(root, 'A4')).toBe(0);
    expect(PAGE_CONTENT_HEIGHT_MM.A4).toBe(265);
    expect(PAGE_CONTENT_HEIGHT_MM.Letter).toBeCloseTo(247.4, 6);
  });
});
