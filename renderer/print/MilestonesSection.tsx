// The curriculum's milestones, as the learner's data and ticks decide them.
import type { MilestoneData } from './usePrintData';

export function MilestonesSection({ milestones }: { milestones: MilestoneData }) {
  return (
    <section className="print-section print-page-start" aria-labelledby="print-milestones">
      <p className="print-eyebrow">Success milestones</p>
      <h2 id="print-milestones" className="print-h2">
        Milestones
      </h2>
      <p className="print-lede">
        The curriculum&rsquo;s completion checklists. Where the study log can decide an entry, the small print under it
        says what the log shows; the other entries are ticked by the learner.
      </p>
      <div className="pp-milestone-grid">
        {milestones.checklists.map((list) => {
          const done = list.entries.filter((e) => e.done).length;
          return (
            <section key={list.id} className="pp-milestone-list pp-entry-keep">
              <h3 className="print-h3">
                {list.title}{' '}
                <span className="pp-milestone-count">
                  {done} of {list.entries.length}
                </span>
              </h3>
              <ul>
                {list.entries.map((entry) => (
                  <li key={entry.id} className={entry.done ? 'pp-milestone-done' : 'pp-milestone-open'}>
                    <span className="pp-milestone-mark" aria-label={entry.done ? 'Done' : 'Not yet'}>
                      {entry.done ? '✓' : '○'}
                    </span>
                    <span className="pp-milestone-text">
                      {entry.text}
                      {entry.rule && <small className="pp-milestone-reason">{entry.rule.reason}</small>}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
