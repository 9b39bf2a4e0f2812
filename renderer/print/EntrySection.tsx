// One portfolio entry: its facts, hours and self-assessment, then the template's fields and links.
import type { Curriculum, CurriculumItem } from '../../shared/curriculum';
import type { Assessment } from '../../shared/schemas/assessment';
import type { ItemStatus } from '../../shared/schemas/items';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import { formatHours } from '../../shared/time';
import { HoursBar } from '../components/HoursBar';
import { formatLocalDate, toDateInput } from '../lib/dates';
import { itemLabel, statusLabels } from '../lib/labels';
import { entryTitle, formatScore } from './format';
import { Empty, FieldText, LongField } from './RichText';

function hoursVerdict(logged: number, min: number, max: number, status: ItemStatus): string {
  if (logged > max) return `${formatHours(logged - max)} h over the maximum estimate`;
  if (logged >= min) return 'within the estimate';
  if (status === 'done') return `${formatHours(min - logged)} h under the minimum estimate`;
  if (logged === 0) return 'no time logged yet';
  return 'under way';
}

export function EntrySection({
  entry,
  item,
  curriculum,
  number,
}: {
  entry: PortfolioEntry;
  item: CurriculumItem;
  curriculum: Curriculum;
  number: number;
}) {
  const singleLine = curriculum.portfolioTemplate.fields.filter((f) => !f.multiline);
  const multiLine = curriculum.portfolioTemplate.fields.filter((f) => f.multiline);
  const [firstLong, ...otherLong] = multiLine;
  const phase = curriculum.phases.find((p) => p.number === item.phase);
  const { minHours, maxHours } = item.estimate;
  const assessment = entry.latestAssessment;
  const headingId = `entry-${item.id.replace('.', '-')}`;
  return (
    <article
      className="print-entry print-page-start"
      aria-labelledby={headingId}
      data-testid={`print-entry-${item.id}`}
      data-fit-page
    >
      {/* The header, the facts and the first field stay together on one page. */}
      <div className="pp-entry-lead">
        <header className="pp-entry-header">
          <p className="print-eyebrow">
            {number}. {itemLabel(item)} · Phase {item.phase}
            {phase ? `: ${phase.title}` : ''} · Month {item.month}
          </p>
          <h2 id={headingId} className="print-h2 pp-entry-title">
            {entryTitle(entry, item)}
          </h2>
          {entryTitle(entry, item) !== item.title && <p className="pp-entry-subtitle">{item.title}</p>}
        </header>
        <div className="pp-entry-summary">
          <div className="pp-entry-summary-cell">
            <span className="pp-summary-label">Status</span>
            <span className={`pp-summary-value status-text pp-status-text-${entry.status}`}>
              {statusLabels[entry.status]}
            </span>
          </div>
          <div className="pp-entry-summary-cell entry-summary-hours">
            <span className="pp-summary-label">Hours logged</span>
            <span className="pp-summary-value">
              {formatHours(entry.loggedHours)} h{' '}
              <span className="pp-summary-of">
                of {minHours}–{maxHours} h estimated
              </span>
            </span>
            <HoursBar loggedHours={entry.loggedHours} minHours={minHours} maxHours={maxHours} label={itemLabel(item)} />
            <span className="pp-summary-note">{hoursVerdict(entry.loggedHours, minHours, maxHours, entry.status)}</span>
          </div>
          <div className="pp-entry-summary-cell">
            <span className="pp-summary-label">Self-assessment</span>
            {assessment ? (
              <>
                <span className="pp-summary-value pp-score-value">{formatScore(assessment)}</span>
                <span className="pp-summary-note">assessed {formatLocalDate(toDateInput(assessment.assessedAt))}</span>
              </>
            ) : (
              <span className="pp-summary-value print-muted">Not self-assessed yet</span>
            )}
          </div>
          {assessment && <AssessmentCategories assessment={assessment} curriculum={curriculum} />}
        </div>
        <dl className="pp-entry-facts">
          {singleLine.map((field) => (
            <div key={field.key} className="pp-entry-fact">
              <dt>{field.label}</dt>
              <dd>
                <FieldText value={entry.fields[field.key] ?? ''} />
              </dd>
            </div>
          ))}
        </dl>
        {firstLong && <LongField label={firstLong.label} value={entry.fields[firstLong.key] ?? ''} />}
      </div>

      {otherLong.map((field) => (
        <LongField key={field.key} label={field.label} value={entry.fields[field.key] ?? ''} />
      ))}

      <section className="pp-entry-field pp-entry-keep">
        <h3 className="print-h3">Links</h3>
        <dl className="pp-entry-links">
          {curriculum.portfolioTemplate.links.map((link) => {
            const url = entry.links[link.key] ?? '';
            return (
              <div key={link.key} className="pp-entry-link">
                <dt>{link.label}</dt>
                <dd>{url ? <span className="pp-entry-url">{url}</span> : <Empty />}</dd>
              </div>
            );
          })}
        </dl>
      </section>
    </article>
  );
}

/** The four evaluation categories of the latest self-assessment: weight, percent and a bar each. */
function AssessmentCategories({ assessment, curriculum }: { assessment: Assessment; curriculum: Curriculum }) {
  return (
    <dl className="pp-entry-categories">
      {curriculum.evaluationCriteria.map((category) => {
        const percent = assessment.categoryPercents[category.id] ?? 0;
        return (
          <div key={category.id} className="pp-category">
            <dt>
              {category.title} <span className="pp-category-weight">{category.weight}%</span>
            </dt>
            <dd>
              <span className="pp-category-value">{Math.round(percent)}%</span>
              <span className="pp-score-bar" aria-hidden="true">
                <span className="pp-score-bar-fill" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
