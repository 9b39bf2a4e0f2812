// Reading a PDF back as the PDF tests do: its text page by page, its details, its tags and its pages
// as pictures. pdf.js (an npm package) does the reading, so the tests need no system PDF tools; the
// text and the details come out in the shape poppler's pdftotext and pdfinfo gave them, which is what
// the tests were written against.
import { readFileSync } from 'node:fs';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

async function withPdf<T>(file: string, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // verbosity 0: pdf.js would otherwise warn about fonts it does not need for reading.
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  try {
    return await read(doc);
  } finally {
    await doc.destroy();
  }
}

interface Run {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

/**
 * A page's text in reading order, one line per run of text: top to bottom, left to right, and text
 * separated by a wide gap (table cells, the footer's two ends, a chart's legend) on lines of its own.
 * pdf.js gives the text in drawing order (Chromium draws the footer first); poppler's pdftotext gave it
 * by position, which is what "the page starts with the eyebrow" and "the last line above the footer"
 * rely on.
 */
export function pageLines(items: readonly Pick<TextItem, 'str' | 'transform' | 'width'>[]): string[] {
  const runs: Run[] = items
    .filter((item) => item.str.trim())
    .map((item) => ({
      text: item.str,
      x: item.transform[4]!,
      end: item.transform[4]! + item.width,
      y: item.transform[5]!,
      size: Math.hypot(item.transform[0]!, item.transform[1]!),
    }));
  // Lines by baseline, top first (PDF's y grows upwards); a smaller font on the same line sits within a
  // fraction of a point of it.
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Run[][] = [];
  for (const run of runs) {
    const row = rows.at(-1);
    if (row && Math.abs(row[0]!.y - run.y) < 2) row.push(run);
    else rows.push([run]);
  }
  const lines: string[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line = '';
    let previous: Run | undefined;
    for (const run of row) {
      const gap = previous ? run.x - previous.end : 0;
      // Wider than two letters' height: another cell or column, so another line, as pdftotext reads it.
      if (previous && gap > 2 * Math.max(run.size, previous.size)) {
        lines.push(line);
        line = '';
      } else if (previous && gap > 0.15 * run.size && !/\s$/.test(line) && !/^\s/.test(run.text)) line += ' ';
      line += run.text;
      previous = run;
    }
    lines.push(line);
  }
  return lines.map((l) => l.trim());
}

/** One string per page, its lines in reading order (see pageLines). */
export async function pdfText(file: string): Promise<string[]> {
  return withPdf(file, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(pageLines(content.items.filter((item): item is TextItem => 'str' in item)).join('\n'));
    }
    return pages;
  });
}

/** The ISO A sizes and US Letter and Legal, named as pdfinfo names them, within a point. */
export function paperName(width: number, height: number): string | undefined {
  const [w, h] = [Math.min(width, height), Math.max(width, height)];
  if (Math.abs(w - 612) < 1 && Math.abs(h - 792) < 1) return 'letter';
  if (Math.abs(w - 612) < 1 && Math.abs(h - 1008) < 1) return 'legal';
  for (let n = 0; n <= 6; n++) {
    // A0 is one square metre with sides in the ratio √2; each next size halves it.
    const isoHeight = (1000 / 2 ** (n / 2) / 25.4) * 72 * 2 ** 0.25;
    if (Math.abs(w - isoHeight / Math.SQRT2) < 1 && Math.abs(h - isoHeight) < 1) return `A${n}`;
  }
  return undefined;
}

/** pdfinfo's fields the tests read: "Pages", "Page size" (of the first page, "W x H pts (A4)"), "Title". */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  return withPdf(file, async (doc) => {
    const [x0, y0, x1, y1] = (await doc.getPage(1)).view as [number, number, number, number];
    const [width, height] = [x1 - x0, y1 - y0];
    const paper = paperName(width, height);
    const info = (await doc.getMetadata()).info as { Title?: string };
    return {
      Pages: String(doc.numPages),
      'Page size': `${+width.toFixed(2)} x ${+height.toFixed(2)} pts${paper ? ` (${paper})` : ''}`,
      Title: info.Title ?? '',
    };
  });
}

// The PDF standard's block-level structure types (ISO 32000-1, 14.8.4.3) and inline ones (14.8.4.4),
// marked as `pdfinfo -struct` marks them; the grouping types (Document, Div, NonStruct, …) stay bare.
const BLOCK = new Set([
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'L',
  'LI',
  'Lbl',
  'LBody',
  'Table',
  'TR',
  'TH',
  'TD',
  'THead',
  'TBody',
  'TFoot',
]);
const INLINE = new Set([
  'Span',
  'Quote',
  'Note',
  'Reference',
  'BibEntry',
  'Code',
  'Link',
  'Annot',
  'Ruby',
  'RB',
  'RT',
  'RP',
  'Warichu',
  'WT',
  'WP',
]);

interface StructNode {
  role?: string;
  type?: string;
  children?: StructNode[];
}

/**
 * The tags for screen readers, page by page, as an indented outline of their roles ("H1 (block)"),
 * without the ids of the marked content they point at (those differ between two prints of one document).
 */
export async function pdfStructure(file: string): Promise<string> {
  return withPdf(file, async (doc) => {
    const out: string[] = [];
    const walk = (node: StructNode, depth: number) => {
      if (node.role) {
        const kind = BLOCK.has(node.role) ? ' (block)' : INLINE.has(node.role) ? ' (inline)' : '';
        out.push(`${'  '.repeat(depth)}${node.role}${kind}`);
      }
      for (const child of node.children ?? []) if (child.role) walk(child, depth + 1);
    };
    for (let n = 1; n <= doc.numPages; n++) {
      out.push(`page ${n}`);
      const tree = (await (await doc.getPage(n)).getStructTree()) as StructNode | null;
      if (tree) walk(tree, 0);
    }
    return out.join('\n');
  });
}

interface NodeCanvas {
  width: number;
  height: number;
  toBuffer(mime: 'image/png'): Buffer;
}

export interface GrayPage {
  width: number;
  height: number;
  /** One byte a pixel, 0 black to 255 white, row by row. */
  pixels: Uint8Array;
}

/**
 * Pages drawn as pdf.js draws them, on white paper, at `dpi`: PNG files to look at, and grey levels
 * to measure. pdf.js draws with @napi-rs/canvas in Node (an npm package with prebuilt binaries).
 */
export async function renderPages(
  file: string,
  pages: readonly number[],
  dpi: number,
): Promise<{ png: Buffer; gray: GrayPage }[]> {
  return withPdf(file, async (doc) => {
    const out: { png: Buffer; gray: GrayPage }[] = [];
    for (const n of pages) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      // pdf.js's own canvas factory (typed as a bare Object in its types): in Node, @napi-rs/canvas.
      const factory = doc.canvasFactory as {
        create(width: number, height: number): { canvas: NodeCanvas; context: CanvasRenderingContext2D };
      };
      const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context, viewport }).promise;
      const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
      const pixels = new Uint8Array(canvas.width * canvas.height);
      // Luma as poppler's grey output weighs it (ITU-R BT.601).
      for (let i = 0; i < pixels.length; i++)
        pixels[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
      out.push({ png: canvas.toBuffer('image/png'), gray: { width: canvas.width, height: canvas.height, pixels } });
    }
    return out;
  });
}
