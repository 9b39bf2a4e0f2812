// Keeping a section on one page when it is only a little too long for it: an entry whose links
// would otherwise spill alone onto the next page, a cover whose contents table runs one row over.
// The print view lays its sheet out on screen at the paper's printable width, measures each
// section marked `data-fit-page`, and zooms it down just enough, never below MIN_FIT_ZOOM.
import type { PaperSize } from '../../shared/schemas/portfolio';

/** Printable height per paper: the sheet less the 16 mm top and bottom margins of print.css. */
export const PAGE_CONTENT_HEIGHT_MM: Record<PaperSize, number> = { A4: 297 - 32, Letter: 279.4 - 32 };
/** Room kept free on a fitted page, for rounding between screen layout and print layout. */
export const FIT_SAFETY_MM = 3;
/** Text below about 8.5 pt stops being comfortable to read: longer sections run on to the next page. */
export const MIN_FIT_ZOOM = 0.88;
export const CSS_PX_PER_MM = 96 / 25.4;

/** The zoom that makes a block `height` tall fit `available`: 1 when it fits, or when it is too long to fit anyway. */
export function fitZoom(height: number, available: number, min = MIN_FIT_ZOOM): number {
  if (height <= available) return 1;
  const zoom = Math.floor((available / height) * 1000) / 1000;
  return zoom >= min ? zoom : 1;
}

/**
 * Zooms every `[data-fit-page]` block under `root` that is a little too tall for one page. Returns
 * how many it zoomed. All zooms are cleared, then all heights read, then the zooms set: one layout
 * for the lot (a block's height does not depend on another's zoom). Clearing and reading block by
 * block laid the whole document out again for every block: a quarter of a second for 24 entries.
 */
export function fitSectionsToPages(root: ParentNode, paper: PaperSize): number {
  const available = (PAGE_CONTENT_HEIGHT_MM[paper] - FIT_SAFETY_MM) * CSS_PX_PER_MM;
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-fit-page]')];
  for (const block of blocks) block.style.removeProperty('zoom');
  const zooms = blocks.map((block) => fitZoom(block.getBoundingClientRect().height, available));
  let zoomed = 0;
  blocks.forEach((block, i) => {
    if (zooms[i]! < 1) {
      block.style.setProperty('zoom', String(zooms[i]));
      zoomed++;
    }
  });
  return zoomed;
}
