// The cover: who, which plan, the totals, and what the portfolio holds.
import { useState } from 'react';
import { itemById, type Curriculum } from '../../shared/curriculum';
import type { Progress } from '../../shared/schemas/items';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import { formatHours } from '../../shared/time';
import { formatLocalDate, toDateInput } from '../lib/dates';
import { itemLabel, statusLabels } from '../lib/labels';
import { entryTitle, formatScore, learnerNameOf, LONG_DATE } from './format';
import type { PrintData } from './usePrintData';

export function Cover({
  data,
  curriculum,
  included,
  stillToCome,
}: {
  data: PrintData;
  curriculum: Curriculum;
  included: PortfolioEntry[];
  stillToCome: PortfolioEntry[];
}) {
  const { settings, overview } = data;
  const overall: Progress = overview.overall;
  const [today] = useState(() => toDateInput(Date.now()));
  const scored = included.filter((e) => e.latestAssessment);
  const meanScore = scored.length
    ? scored.reduce((sum, e) => sum + e.latestAssessment!.weightedTotal, 0) / scored.length
    : null;
  return (
    <section className="print-cover" aria-labelledby="print-title" data-fit-page>
      <div className="pp-cover-band">
        <p className="pp-cover-kicker">{curriculum.title}</p>
        <h1 id="print-title" className="pp-cover-title">
          MLOps Portfolio
        </h1>
        <p className="pp-cover-name" data-testid="print-learner">
          {learnerNameOf(settings)}
        </p>
        <p className="pp-cover-plan">
          Study plan {formatLocalDate(settings.planStartDate, LONG_DATE)} –{' '}
          {formatLocalDate(settings.targetDate, LONG_DATE)}
          <span className="pp-cover-sep" aria-hidden="true">
            {' · '}
          </span>
          Made on {formatLocalDate(today, LONG_DATE)}
        </p>
      </div>

      <dl className="pp-cover-stats">
        <CoverStat
          label="Hours logged"
          value={`${formatHours(overall.loggedMinutes / 60)} h`}
          detail={`of ${overall.estimateMinHours}–${overall.estimateMaxHours} h estimated for the planned items`}
        />
        <CoverStat
          label="Items done"
          value={`${overall.doneCount} / ${overall.plannedCount}`}
          detail={`planned items${overall.skippedCount ? `, ${overall.skippedCount} skipped` : ''}`}
        />
        <CoverStat
          label="Completion"
          value={`${Math.round(overall.byHours * 100)} %`}
          detail="of the estimated hours"
        />
        <CoverStat
          label="Self-assessment"
          value={meanScore === null ? '—' : `${meanScore.toFixed(1)} / 100`}
          detail={
            meanScore === null
              ? 'no entry assessed yet'
              : `mean of ${scored.length} assessed ${scored.length === 1 ? 'entry' : 'entries'}`
          }
        />
      </dl>

      <div className="pp-cover-contents">
        <h2 className="print-h3">In this portfolio</h2>
        {included.length === 0 ? (
          <p className="print-muted">No entries are included yet.</p>
        ) : (
          <table className="print-table contents-table">
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Hours
                </th>
                <th scope="col" className="num">
                  Score
                </th>
              </tr>
            </thead>
            <tbody>
              {included.map((entry) => {
                const item = itemById(curriculum.items, entry.itemId)!;
                return (
                  <tr key={entry.itemId}>
                    <th scope="row">
                      <span className="pp-contents-id">{itemLabel(item)}</span> {entryTitle(entry, item)}
                    </th>
                    <td>{statusLabels[entry.status]}</td>
                    <td className="num">{formatHours(entry.loggedHours)} h</td>
                    <td className="num">{entry.latestAssessment ? formatScore(entry.latestAssessment) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {stillToCome.length > 0 && (
          <p className="print-muted pp-still-to-come" data-testid="print-still-to-come">
            Still to come on the roadmap:{' '}
            {stillToCome.map((e) => itemLabel(itemById(curriculum.items, e.itemId)!)).join(', ')}.
          </p>
        )}
      </div>
    </section>
  );
}

function CoverStat({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <div className="pp-cover-stat">
      <dt>{label}</dt>
      <dd>
        <span className="pp-cover-stat-value">{value}</span>
        <span className="pp-cover-stat-detail">{detail}</span>
      </dd>
    </div>
  );
}
