// Planned cumulative hours on the 9-month plan against actual cumulative hours, today marked.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Insights } from '../../shared/schemas/stats';
import { formatHours } from '../../shared/time';
import { dateOfDayNumber, dayNumber, formatLocalDate } from '../lib/dates';
import { ChartFigure } from './ChartFigure';

interface Props {
  burnUp: Insights['burnUp'];
  today: string;
  size?: { width: number; height: number };
  animate?: boolean;
}

export function BurnUpChart({ burnUp, today, size, animate = true }: Props) {
  const rows = burnUp.points.map((p) => ({
    t: dayNumber(p.date),
    date: p.date,
    planned: p.plannedHours,
    actual: p.actualHours,
  }));
  const first = rows[0]?.t ?? 0;
  const last = rows[rows.length - 1]?.t ?? 0;
  // A tick at the start of each plan month.
  const ticks: number[] = [];
  for (let i = 0; i <= 12; i++) {
    const [y, m] = burnUp.planStartDate.split('-').map(Number) as [number, number];
    const t = Date.UTC(y, m - 1 + i, 1) / 86_400_000;
    if (t >= first && t <= last) ticks.push(t);
  }
  const chart = (
    <LineChart
      data={rows}
      margin={{ top: 18, right: 16, bottom: 4, left: 0 }}
      className="chart"
      title="Planned and logged hours added up week by week since the plan start. The left and right arrow keys go from week to week."
      {...(size ?? {})}
    >
      <CartesianGrid vertical={false} className="chart-grid" />
      <XAxis
        dataKey="t"
        type="number"
        domain={[first, last]}
        ticks={ticks}
        tickFormatter={(t: number) => formatLocalDate(dateOfDayNumber(t), { month: 'short' })}
        tickLine={false}
        className="chart-axis"
      />
      <YAxis
        tickLine={false}
        axisLine={false}
        width={48}
        tickFormatter={(h: number) => `${h} h`}
        className="chart-axis"
      />
      <Tooltip content={<BurnUpTooltip />} />
      <ReferenceLine
        x={dayNumber(today)}
        className="ref-today"
        label={{ value: 'Today', position: 'top', className: 'ref-label' }}
      />
      {burnUp.targetDate !== burnUp.planEndDate && (
        <ReferenceLine
          x={dayNumber(burnUp.targetDate)}
          className="ref-target"
          label={{ value: 'Target', position: 'top', className: 'ref-label' }}
        />
      )}
      <Line
        dataKey="planned"
        name="Planned"
        type="linear"
        dot={false}
        className="line-planned"
        isAnimationActive={animate}
      />
      <Line
        dataKey="actual"
        name="Actual"
        type="linear"
        dot={false}
        className="line-actual"
        isAnimationActive={animate}
        connectNulls={false}
      />
    </LineChart>
  );
  return (
    <ChartFigure
      testId="burnup-chart"
      legend={
        <>
          <span className="legend-swatch legend-planned" /> Planned (estimate midpoints, skipped items left out)
          <span className="legend-swatch legend-actual" /> Logged
        </>
      }
    >
      {size ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={280}>
          {chart}
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

function BurnUpTooltip({
  active,
  payload,
}: {
  active?: boolean;
  payload?: readonly { payload?: { date: string; planned: number; actual: number | null } }[];
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>Week of {formatLocalDate(row.date)}</strong>
      <span>Planned by then: {formatHours(row.planned)} h</span>
      {row.actual !== null && <span>Logged by then: {formatHours(row.actual)} h</span>}
    </div>
  );
}
