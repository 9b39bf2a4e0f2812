// The parts of `npm run pdf` that need no browser: reading the command line, deciding whether the
// renderer must be (re)built, and the line it prints at the end. scripts/pdf.ts does the printing.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { paperSizeSchema, type PaperSize } from '../shared/schemas/portfolio';

export { countPdfPages, PrintViewError, waitForPrintReady } from '../electron/pdf/print-ready';
export { writeFileAtomic } from '../electron/files/write-atomic';

export const PDF_USAGE = 'Usage: npm run pdf -- (--db FILE | --demo) --out FILE.pdf [--paper A4|Letter]';

export interface PdfArgs {
  /** The learner's database, or null for `--demo` (the demo learner in a temporary database). */
  dbFile: string | null;
  outFile: string;
  paper: PaperSize;
}

export function parsePdfArgs(argv: readonly string[], cwd = process.cwd()): PdfArgs {
  let dbFile: string | null = null;
  let outFile: string | null = null;
  let paper: PaperSize = 'A4';
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    const hasValue = value !== undefined && !value.startsWith('--');
    if (arg === '--db' && hasValue) {
      dbFile = path.resolve(cwd, value);
      i++;
    } else if (arg === '--out' && hasValue) {
      outFile = path.resolve(cwd, value);
      i++;
    } else if (arg === '--paper' && hasValue) {
      const named = value.toLowerCase();
      const parsed = paperSizeSchema.safeParse(named === 'a4' ? 'A4' : named === 'letter' ? 'Letter' : value);
      if (!parsed.success) throw new Error(`The paper size is A4 or Letter, not "${value}". ${PDF_USAGE}`);
      paper = parsed.data;
      i++;
    } else if (arg === '--demo') demo = true;
    else throw new Error(`Unknown or incomplete option "${arg}". ${PDF_USAGE}`);
  }
  if (demo && dbFile)
    throw new Error(
      `Give either --db FILE or --demo, not both: the demo is never written into your database. ${PDF_USAGE}`,
    );
  if (!demo && !dbFile)
    throw new Error(`Say which data to print: --db FILE, or --demo for the demo learner. ${PDF_USAGE}`);
  if (!outFile) throw new Error(`Say where to write the PDF with --out FILE.pdf. ${PDF_USAGE}`);
  if (dbFile && dbFile === outFile) throw new Error('The PDF cannot be written over the database.');
  return { dbFile, outFile, paper };
}

/** "Wrote out.pdf: 12 pages, 245 KB in 3.4 s" */
export function formatPdfSummary({
  file,
  pages,
  bytes,
  ms,
}: {
  file: string;
  pages: number;
  bytes: number;
  ms: number;
}): string {
  const kb = Math.max(1, Math.round(bytes / 1024));
  return `Wrote ${file}: ${pages} ${pages === 1 ? 'page' : 'pages'}, ${kb.toLocaleString('en')} KB in ${(ms / 1000).toFixed(1)} s`;
}

/** The newest modification time of any file under `dirs` (0 when there are none). */
function newestMtime(dirs: readonly string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(full);
      } else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) visit(dir);
  return newest;
}

/**
 * Whether the built renderer must be (re)built before printing: it is missing, or a source it is
 * built from changed after it was, so the PDF would show yesterday's layout.
 */
export function rendererNeedsBuild(rendererDir: string, sourceDirs: readonly string[]): boolean {
  let built: number;
  try {
    built = statSync(path.join(rendererDir, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return newestMtime(sourceDirs) > built;
}
