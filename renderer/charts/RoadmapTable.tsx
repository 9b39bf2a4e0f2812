// The roadmap chart's numbers as a plain table: what a keyboard or screen-reader user reads, and
// what anyone can check the chart against.
import type { RoadmapStats } from '../../shared/schemas/stats';
import { itemById, type Curriculum } from '../../shared/curriculum';
import { formatHours } from '../../shared/time';
import { itemLabel, statusLabels } from '../lib/labels';

export function RoadmapTable({ stats, curriculum }: { stats: RoadmapStats; curriculum: Curriculum }) {
  return (
    <table className="data-table" data-testid="roadmap-table">
      <caption className="visually-hidden">Estimated and actual hours per item, month and phase</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Estimate (h)
          </th>
          <th scope="col" className="num">
            Logged (h)
          </th>
        </tr>
      </thead>
      {stats.phases.map((phase) => (
        <tbody key={phase.phase}>
          <tr className="row-group">
            <th scope="rowgroup" colSpan={4}>
              Phase {phase.phase}: {curriculum.phases.find((p) => p.number === phase.phase)?.title}
            </th>
          </tr>
          {stats.months
            .filter((m) => m.phase === phase.phase)
            .map((month) => (
              <MonthRows key={month.month} month={month} stats={stats} curriculum={curriculum} />
            ))}
          <tr className="row-subtotal" data-testid={`phase-total-${phase.phase}`}>
            <th scope="row">Phase {phase.phase} total</th>
            <td />
            <td className="num">
              {phase.minHours}–{phase.maxHours}
            </td>
            <td className="num">{formatHours(phase.actualHours)}</td>
          </tr>
        </tbody>
      ))}
      <tfoot>
        <tr className="row-total" data-testid="roadmap-total">
          <th scope="row">All phases</th>
          <td />
          <td className="num">
            {stats.totals.minHours}–{stats.totals.maxHours}
          </td>
          <td className="num">{formatHours(stats.totals.actualHours)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function MonthRows({
  month,
  stats,
  curriculum,
}: {
  month: RoadmapStats['months'][number];
  stats: RoadmapStats;
  curriculum: Curriculum;
}) {
  return (
    <>
      <tr className="row-month">
        <th scope="row">
          Month {month.month}: {curriculum.months.find((m) => m.number === month.month)?.title}
        </th>
        <td />
        <td className="num">
          {month.minHours}–{month.maxHours}
        </td>
        <td className="num">{formatHours(month.actualHours)}</td>
      </tr>
      {stats.items
        .filter((i) => i.month === month.month)
        .map((row) => {
          const item = itemById(curriculum.items, row.itemId)!;
          return (
            <tr key={row.itemId} className={row.overMax ? 'row-item row-over' : 'row-item'}>
              <th scope="row">
                {itemLabel(item)}: {item.title}
              </th>
              <td>{statusLabels[row.status]}</td>
              <td className="num">
                {row.minHours}–{row.maxHours}
              </td>
              <td className="num">
                {formatHours(row.actualHours)}
                {row.overMax && <span className="tag tag-warning">over</span>}
              </td>
            </tr>
          );
        })}
    </>
  );
}
