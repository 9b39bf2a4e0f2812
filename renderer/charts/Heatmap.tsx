// A calendar of daily study minutes for the last 52 weeks: one column a week (Monday on top),
// darker for more minutes. Drawn by hand: it is a grid of squares, not a chart.
import type { Insights } from '../../shared/schemas/stats';
import { addDays } from '../../shared/dates';
import { formatMinutes } from '../../shared/time';
import { formatLocalDate } from '../lib/dates';

const CELL = 12;
const GAP = 3;
const LEFT = 28;
const TOP = 18;

function heatLevel(minutes: number, minMinutes: number): number {
  if (minutes <= 0) return 0;
  if (minutes < minMinutes) return 1;
  if (minutes < 60) return 2;
  if (minutes < 120) return 3;
  return 4;
}

export function Heatmap({ heatmap, minMinutes }: { heatmap: Insights['heatmap']; minMinutes: number }) {
  const weeks = Math.ceil(heatmap.minutes.length / 7);
  const width = LEFT + weeks * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const monthLabels: { x: number; label: string }[] = [];
  let lastMonth = '';
  for (let w = 0; w < weeks; w++) {
    const date = addDays(heatmap.start, w * 7);
    const month = date.slice(0, 7);
    if (month !== lastMonth) {
      monthLabels.push({ x: LEFT + w * (CELL + GAP), label: formatLocalDate(date, { month: 'short' }) });
      lastMonth = month;
    }
  }
  const studied = heatmap.minutes.filter((m) => m >= minMinutes).length;
  return (
    <figure className="chart-figure heatmap" data-testid="heatmap">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`Daily study minutes for the last 52 weeks: ${studied} days with at least ${minMinutes} minutes`}
      >
        {monthLabels.slice(monthLabels[1] && monthLabels[1].x - monthLabels[0]!.x < 30 ? 1 : 0).map((m) => (
          <text key={m.x} x={m.x} y={11} className="heatmap-label">
            {m.label}
          </text>
        ))}
        {['Mon', 'Wed', 'Fri'].map((d, i) => (
          <text key={d} x={0} y={TOP + (i * 2 + 1) * (CELL + GAP) - 3 + CELL / 2} className="heatmap-label">
            {d}
          </text>
        ))}
        {heatmap.minutes.map((minutes, index) => {
          const date = addDays(heatmap.start, index);
          return (
            <rect
              key={date}
              x={LEFT + Math.floor(index / 7) * (CELL + GAP)}
              y={TOP + (index % 7) * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              className={`heat heat-${heatLevel(minutes, minMinutes)}`}
            >
              <title>{`${formatLocalDate(date)}: ${formatMinutes(minutes)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption className="chart-legend heatmap-legend">
        Less
        {[0, 1, 2, 3, 4].map((level) => (
          <span key={level} className={`heat-swatch heat-${level}`} />
        ))}
        More · lightest filled squares are days under {minMinutes} min, which do not count for the streak
      </figcaption>
    </figure>
  );
}
