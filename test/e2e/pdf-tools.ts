// Reading a PDF back with poppler, as the PDF tests do: its text page by page, and its details.
import { execFileSync } from 'node:child_process';

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One string per page: pdftotext ends every page with a form feed. */
export function pdfText(file: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

/** pdfinfo's fields: "Pages", "Page size", "Title", … */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
}
