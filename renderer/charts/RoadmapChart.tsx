// Estimated range vs actual hours: per item (grouped by phase and month) or per phase. The range
// is a floating band from the minimum to the maximum estimate; the actual hours a narrower bar in
// front of it, red once past the maximum. Colours come from CSS classes, so light and dark work.
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  ReferenceArea,
  Tooltip,
  XAxis,
  YAxis,
  ResponsiveContainer,
} from 'recharts';
import type { RoadmapStats } from '../../shared/schemas/stats';
import { itemById, type Curriculum } from '../../shared/curriculum';
import { formatHours } from '../../shared/time';
import { itemLabel } from '../lib/labels';
import { ChartFigure } from './ChartFigure';

export type RoadmapView = 'items' | 'phases';

interface Row {
  key: string;
  name: string;
  detail: string;
  range: [number, number];
  actual: number;
  over: boolean;
  phase: number;
  monthStart?: number;
}

function roadmapRows(stats: RoadmapStats, curriculum: Curriculum, view: RoadmapView): Row[] {
  if (view === 'phases') {
    return stats.phases.map((p) => ({
      key: `P${p.phase}`,
      name: `Phase ${p.phase}`,
      detail: curriculum.phases.find((c) => c.number === p.phase)?.title ?? '',
      range: [p.minHours, p.maxHours],
      actual: p.actualHours,
      over: p.actualHours > p.maxHours,
      phase: p.phase,
    }));
  }
  let lastMonth = 0;
  return stats.items.map((s) => {
    const item = itemById(curriculum.items, s.itemId)!;
    const monthStart = s.month !== lastMonth ? s.month : undefined;
    lastMonth = s.month;
    return {
      key: s.itemId,
      name: itemLabel(item),
      detail: item.title,
      range: [s.minHours, s.maxHours],
      actual: s.actualHours,
      over: s.overMax,
      phase: s.phase,
      monthStart,
    };
  });
}

interface Props {
  stats: RoadmapStats;
  curriculum: Curriculum;
  view: RoadmapView;
  /** Fixed size for print (ResponsiveContainer measures 0 without layout); fills its box otherwise. */
  size?: { width: number; height: number };
  animate?: boolean;
}

export function RoadmapChart({ stats, curriculum, view, size, animate = true }: Props) {
  const rows = roadmapRows(stats, curriculum, view);
  const phaseBands =
    view === 'items'
      ? curriculum.phases.map((phase) => {
          const ids = rows.filter((r) => r.phase === phase.number).map((r) => r.key);
          return { phase: phase.number, x1: ids[0]!, x2: ids[ids.length - 1]! };
        })
      : [];
  const chart = (
    <ComposedChart
      data={rows}
      margin={{ top: 24, right: 12, bottom: view === 'items' ? 18 : 4, left: 0 }}
      barCategoryGap={view === 'items' ? '18%' : '30%'}
      className="chart roadmap-chart"
      title={`Estimated range and actual hours per ${view === 'items' ? 'item' : 'phase'}. The left and right arrow keys go from bar to bar; the Table view lists every number.`}
      {...(size ?? {})}
    >
      <CartesianGrid vertical={false} className="chart-grid" />
      {phaseBands.map((band) => (
        <ReferenceArea
          key={band.phase}
          x1={band.x1}
          x2={band.x2}
          className={`phase-band phase-band-${band.phase}`}
          ifOverflow="extendDomain"
          label={{
            value: `Phase ${band.phase}`,
            position: 'insideTop',
            className: `phase-band-label phase-band-label-${band.phase}`,
          }}
        />
      ))}
      <XAxis
        dataKey="key"
        tickLine={false}
        interval={0}
        tick={<ItemTick view={view} rows={rows} />}
        height={view === 'items' ? 36 : 30}
      />
      <XAxis dataKey="key" xAxisId="actual" hide />
      <YAxis
        tickLine={false}
        axisLine={false}
        width={44}
        tickFormatter={(h: number) => `${h} h`}
        className="chart-axis"
      />
      <Tooltip content={<RoadmapTooltip />} cursor={{ className: 'chart-cursor' }} />
      <Bar dataKey="range" name="Estimated range" className="bar-range" isAnimationActive={animate} radius={3} />
      <Bar
        dataKey="actual"
        name="Actual hours"
        xAxisId="actual"
        barSize={view === 'items' ? 10 : 28}
        isAnimationActive={animate}
        radius={2}
      >
        {rows.map((row) => (
          <Cell key={row.key} className={row.over ? 'bar-actual bar-actual-over' : 'bar-actual'} />
        ))}
      </Bar>
    </ComposedChart>
  );
  return (
    <ChartFigure
      testId="roadmap-chart"
      legend={
        <>
          <span className="legend-swatch legend-range" /> Estimated range (min–max)
          <span className="legend-swatch legend-actual" /> Hours logged
          <span className="legend-swatch legend-over" /> Over the maximum
        </>
      }
    >
      {size ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={view === 'items' ? 330 : 280}>
          {chart}
        </ResponsiveContainer>
      )}
    </ChartFigure>
  );
}

function ItemTick(props: { x?: number; y?: number; payload?: { value: string }; view: RoadmapView; rows: Row[] }) {
  const { x = 0, y = 0, payload, view, rows } = props;
  const row = rows.find((r) => r.key === payload?.value);
  return (
    <g transform={`translate(${x},${y})`} className="chart-tick">
      <text textAnchor="middle" dy={12}>
        {view === 'items' ? payload?.value : row?.name}
      </text>
      {row?.monthStart !== undefined && (
        <text textAnchor="middle" dy={27} className="chart-tick-month">
          M{row.monthStart}
        </text>
      )}
    </g>
  );
}

function RoadmapTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: Row }[] }) {
  const row = payload?.[0]?.payload;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.name}</strong>
      <span>{row.detail}</span>
      <span>
        Estimate {row.range[0]}–{row.range[1]} h · logged {formatHours(row.actual)} h
      </span>
      {row.over && <span className="chart-tooltip-warn">Over the maximum estimate</span>}
    </div>
  );
}
