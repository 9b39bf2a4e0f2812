// The ready signal: once the document is laid out, fitted to its pages and its chart drawn, it sets
// PRINT_READY_ATTRIBUTE on <html> ('error' when it cannot be printed); the printers wait for that.
import { useEffect, useState } from 'react';
import type { PaperSize } from '../../shared/schemas/portfolio';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';
import { fitSectionsToPages } from './fit';

/**
 * Says ready once `loaded`, fitted and drawn, and 'error' at once on `failure`. Returns the error to
 * show instead of the document: the failure, or a chart that did not draw.
 */
export function usePrintReady(paper: PaperSize, loaded: boolean, failure: string | null): string | null {
  const [drawError, setDrawError] = useState<string | null>(null);
  const error = failure ?? drawError;

  useEffect(() => {
    const root = document.documentElement;
    if (error) {
      root.setAttribute(PRINT_READY_ATTRIBUTE, 'error');
      return;
    }
    if (!loaded) {
      root.removeAttribute(PRINT_READY_ATTRIBUTE);
      return;
    }
    let cancelled = false;
    void (async () => {
      await document.fonts.ready;
      if (cancelled) return;
      // Fitted while the chart is still drawing: the fitted blocks (cover, entries) hold no chart,
      // and the chart has a fixed size, so their heights are final now. Measuring here reuses the
      // layout the page needs anyway, and the zooms are laid out with the chart's next commit
      // instead of in a full layout of their own (about 150 ms for 24 entries).
      fitSectionsToPages(document, paper);
      // recharts 3 draws over a few commits: wait until the chart's bars are in the SVG, then two
      // more frames so layout and paint have caught up.
      const drawn = await waitFor(
        () => document.querySelectorAll('.print-doc [data-testid="roadmap-chart"] path.bar-range').length > 0,
        5000,
      );
      await nextFrame();
      await nextFrame();
      if (cancelled) return;
      if (!drawn) setDrawError('The roadmap chart did not draw within 5 seconds.');
      else root.setAttribute(PRINT_READY_ATTRIBUTE, 'true');
    })();
    return () => {
      cancelled = true;
    };
  }, [loaded, error, paper]);
  return error;
}

/** A frame, or 100 ms where frames never come (a window that is not painting, e.g. minimised). */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });

async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > until) return false;
    await nextFrame();
  }
  return true;
}
