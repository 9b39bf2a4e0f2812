// How the PDF tests read a page's text (test/e2e/pdf-tools.ts): pdf.js hands over pieces of text in
// the order Chromium drew them; the tests want them in reading order, a cell or a column per line.
import { describe, expect, it } from 'vitest';
import { pageLines, paperName } from '../e2e/pdf-tools';

/** A piece of text as pdf.js gives it: its string, where its baseline starts (x, y up from the bottom), its width. */
const piece = (str: string, x: number, y: number, width: number, size = 10) => ({
  str,
  transform: [size, 0, 0, size, x, y],
  width,
});

describe('pageLines', () => {
  it('reads top to bottom whatever the drawing order: the footer, drawn first, comes last', () => {
    const items = [
      piece('Page 2 of 9', 515, 20, 38, 7.5),
      piece('Alex Rivera – MLOps Portfolio', 42, 20, 100, 7.5),
      piece('THE ROADMAP', 42, 788, 110),
      piece('Estimated and actual hours', 42, 762, 240, 19),
    ];
    expect(pageLines(items)).toEqual([
      'THE ROADMAP',
      'Estimated and actual hours',
      'Alex Rivera – MLOps Portfolio',
      'Page 2 of 9',
    ]);
  });

  it('puts text across a wide gap on a line of its own and joins text across a word space', () => {
    const items = [
      piece('PHASE', 48, 426, 28),
      piece(' ', 76, 426, 250),
      piece('ITEMS DONE', 327, 426, 51),
      piece('13.8', 174, 400, 23),
      piece('h', 200, 400, 7),
      piece('of 10–15 h', 211, 400.4, 40, 9),
    ];
    expect(pageLines(items)).toEqual(['PHASE', 'ITEMS DONE', '13.8 h of 10–15 h']);
  });

  it('adds no space inside a word split into pieces, nor a second one after a space', () => {
    expect(
      pageLines([
        piece('40', 130, 634, 8.3),
        piece('%', 138.3, 634, 6.7),
        piece('Phase ', 160, 634, 30),
        piece('1', 190.5, 634, 5),
      ]),
    ).toEqual(['40% Phase 1']);
  });
});

describe('paperName', () => {
  it('names A4 and Letter as Chromium prints them, in either orientation, and nothing else', () => {
    expect(paperName(594.96, 841.92)).toBe('A4');
    expect(paperName(841.92, 594.96)).toBe('A4');
    expect(paperName(612, 792)).toBe('letter');
    expect(paperName(420.94, 595.28)).toBe('A5');
    expect(paperName(600, 800)).toBeUndefined();
  });
});
