// Hours per week for the last 26 weeks against the weekly goal.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Insights } from '../../shared/schemas/stats';
import { formatHours } from '../../shared/time';
import { formatLocalDate } from '../lib/dates';
import { ChartFigure } from './ChartFigure';

interface Props {
  weekly: Insights['weekly'];
  goalHours: number;
  size?: { width: number; height: number };
  animate?: boolean;
}

/** About the width of one character of the goal's label (12px, semibold), for the room it needs. */
const LABEL_CHAR_PX = 7.5;

export function WeeklyChart({ weekly, goalHours, size, animate = true }: Props) {
  const goalLabel = `Goal ${formatHours(goalHours)} h`;
  // The label sits right of the plot: the margin is as wide as the label, or it is cut ("Goal 10 I").
  const right = Math.ceil(12 + goalLabel.length * LABEL_CHAR_PX);
  const chart = (
    <BarChart
      data={weekly}
      margin={{ top: 18, right, bottom: 4, left: 0 }}
      className="chart"
      title={`Hours per week for the last 26 weeks against a goal of ${formatHours(goalHours)} hours. The left and right arrow keys go from week to week.`}
      {...(size ?? {})}
    >
      <CartesianGrid vertical={false} className="chart-grid" />
      <XAxis
        dataKey="weekStart"
        tickLine={false}
        interval={3}
        tickFormatter={(d: string) => formatLocalDate(d, { day: 'numeric', month: 'short' })}
        className="chart-axis"
      />
      <YAxis
        tickLine={false}
        axisLine={false}
        width={44}
        tickFormatter={(h: number) => `${h} h`}
        allowDecimals={false}
        domain={[0, (max: number) => Math.ceil(Math.max(max, goalHours * 1.2))]}
        className="chart-axis"
      />
      <Tooltip content={<WeekTooltip goal={goalHours} />} cursor={{ className: 'chart-cursor' }} />
      <ReferenceLine
        y={goalHours}
        className="ref-goal"
        label={{ value: goalLabel, position: 'right', className: 'ref-label' }}
      />
      <Bar dataKey="hours" name="Hours" radius={[3, 3, 0, 0]} isAnimationActive={animate}>
        {weekly.map((w) => (
          <Cell key={w.weekStart} className={w.hours >= goalHours ? 'bar-week bar-week-met' : 'bar-week'} />
        ))}
      </Bar>
    </BarChart>
  );
  return (
    <ChartFigure
      testId="weekly-chart"
      legend={
        <>
          <span className="legend-swatch legend-actual" /> Hours that week
          <span className="legend-swatch legend-met" /> Goal met
          <span className="legend-swatch legend-goal" /> Weekly goal
        </>
      }
    >
      {size ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={240}>
          {chart}
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

function WeekTooltip({
  active,
  payload,
  goal,
}: {
  goal: number;
  active?: boolean;
  payload?: readonly { payload?: { weekStart: string; hours: number } }[];
}) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>Week of {formatLocalDate(row.weekStart)}</strong>
      <span>
        {formatHours(row.hours)} h of a {formatHours(goal)} h goal
      </span>
    </div>
  );
}
