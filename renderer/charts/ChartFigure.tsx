// The frame every recharts chart is drawn in: a figure with its legend, where the chart is one tab
// stop. recharts' own surface is that stop (its arrow keys move the tooltip from bar to bar), named
// by the chart's `title`, its text alternative; the numbers themselves are in the tables.
import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * recharts 3 draws its layers into <g> elements through React portals, and React listens for focus
 * events on every portal's container; Chromium then makes such an SVG element a tab stop of its own
 * (six unnamed stops per chart). They are taken out of the tab order as recharts adds them.
 */
const LAYER = 'svg g[class*="recharts-zIndex-layer"]:not([tabindex])';

export function ChartFigure({ testId, legend, children }: { testId: string; legend: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const figure = ref.current;
    if (!figure) return;
    const quiet = () => figure.querySelectorAll(LAYER).forEach((layer) => layer.setAttribute('tabindex', '-1'));
    quiet();
    const observer = new MutationObserver(quiet);
    observer.observe(figure, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <figure ref={ref} className="chart-figure" data-testid={testId}>
      {children}
      <figcaption className="chart-legend">{legend}</figcaption>
    </figure>
  );
}
