// The roadmap: the estimated-against-actual chart and the hours per phase.
import type { Curriculum } from '../../shared/curriculum';
import { formatHours } from '../../shared/time';
import { RoadmapChart } from '../charts/RoadmapChart';
import type { PrintData } from './usePrintData';

/** The chart's size on paper: the printable width of A4 (180 mm) and Letter (186 mm) is about 680 CSS px. */
const PRINT_CHART_SIZE = { width: 680, height: 300 } as const;

export function RoadmapSection({ data, curriculum }: { data: PrintData; curriculum: Curriculum }) {
  const { roadmap, overview } = data;
  return (
    <section className="print-section print-page-start" aria-labelledby="print-roadmap">
      <p className="print-eyebrow">The 9-month roadmap</p>
      <h2 id="print-roadmap" className="print-h2">
        Estimated and actual hours
      </h2>
      <p className="print-lede">
        Each bar is one exercise or project of the curriculum: the pale band is its estimated range, the dark bar the
        hours logged on it. Red marks time past the maximum estimate.
      </p>
      <div className="print-chart">
        <RoadmapChart stats={roadmap} curriculum={curriculum} view="items" size={PRINT_CHART_SIZE} animate={false} />
      </div>
      <h3 className="print-h3">Per phase</h3>
      <table className="print-table phase-table">
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col" className="num">
              Items done
            </th>
            <th scope="col" className="num">
              Estimate
            </th>
            <th scope="col" className="num">
              Logged
            </th>
          </tr>
        </thead>
        <tbody>
          {roadmap.phases.map((phase) => {
            const progress = overview.phases.find((p) => p.phase === phase.phase);
            return (
              <tr key={phase.phase} className={phase.actualHours > phase.maxHours ? 'pp-row-over' : undefined}>
                <th scope="row">
                  <span className={`pp-phase-dot pp-phase-dot-${phase.phase}`} aria-hidden="true" />
                  Phase {phase.phase}: {curriculum.phases.find((p) => p.number === phase.phase)?.title}
                </th>
                <td className="num">{progress ? `${progress.doneCount} / ${progress.plannedCount}` : '—'}</td>
                <td className="num">
                  {phase.minHours}–{phase.maxHours} h
                </td>
                <td className="num">{formatHours(phase.actualHours)} h</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All phases</th>
            <td className="num">
              {overview.overall.doneCount} / {overview.overall.plannedCount}
            </td>
            <td className="num">
              {roadmap.totals.minHours}–{roadmap.totals.maxHours} h
            </td>
            <td className="num">{formatHours(roadmap.totals.actualHours)} h</td>
          </tr>
        </tfoot>
      </table>
      <p className="pp-note">
        Made with MLOps Study Companion from the learner&rsquo;s own study log. Hours are study time logged against each
        item; the estimates are the curriculum&rsquo;s. Scores are the learner&rsquo;s self-assessment against the
        curriculum&rsquo;s evaluation criteria, weighted {curriculum.evaluationCriteria.map((c) => c.weight).join('/')}.
      </p>
    </section>
  );
}
