// The portfolio as a printed document, in two places: the print route that `npm run pdf` loads in
// Chromium (page.pdf), and embedded in the desktop app's own window while its export runs (laid out
// off screen beside the app, the only thing shown in print; main's printToPDF prints that window,
// so no second renderer has to start). It renders for paper, not for the screen:
// light colours whatever the theme, fixed chart sizes, no animation, and page breaks that keep
// headings with what follows. Once everything is drawn it sets PRINT_READY_ATTRIBUTE on <html>;
// the printers wait for that and never print a half-loaded page.
import { entriesToPrint } from '../../shared/portfolio';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ChannelOutput } from '../../shared/contract';
import type { Assessment } from '../../shared/schemas/assessment';
import type { ItemStatus, Progress } from '../../shared/schemas/items';
import type { PaperSize, PortfolioEntry } from '../../shared/schemas/portfolio';
import type { Settings } from '../../shared/schemas/settings';
import type { RoadmapStats } from '../../shared/schemas/stats';
import { itemById, type Curriculum, type CurriculumItem } from '../../shared/curriculum';
import { PRINT_READY_ATTRIBUTE } from '../../shared/print';
import { formatHours } from '../../shared/time';
import { RoadmapChart } from '../charts/RoadmapChart';
import { HoursBar } from '../components/HoursBar';
import { useData, useQuery, type QueryState } from '../lib/data';
import { formatLocalDate, toDateInput } from '../lib/dates';
import { itemLabel, statusLabels } from '../lib/labels';
import { fitSectionsToPages } from './fit';
import './print.css';

/** The chart's size on paper: the printable width of A4 (180 mm) and Letter (186 mm) is about 680 CSS px. */
export const PRINT_CHART_SIZE = { width: 680, height: 300 } as const;
const LONG_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
const SHORT_FIELD_CHARS = 700;

type Overview = ChannelOutput<'progress.overview'>;
type MilestoneData = ChannelOutput<'milestones.get'>;

interface PrintData {
  settings: Settings;
  overview: Overview;
  roadmap: RoadmapStats;
  entries: PortfolioEntry[];
  milestones: MilestoneData;
}

/**
 * `embedded`: inside the running app (PdfExportProvider) rather than as the page's only content.
 * The document then goes into a host beside the app's root, and the app keeps its theme on screen.
 */
export function PrintPortfolio({ paper, embedded = false }: { paper: PaperSize; embedded?: boolean }) {
  const { curriculum } = useData();
  const settings = useQuery('settings.get', {});
  const overview = useQuery('progress.overview', {});
  const roadmap = useQuery('stats.roadmap', {});
  const portfolio = useQuery('portfolio.list', {});
  const milestones = useQuery('milestones.get', {});
  const queries: [string, QueryState<unknown>][] = [
    ['settings', settings],
    ['progress', overview],
    ['roadmap', roadmap],
    ['portfolio entries', portfolio],
    ['milestones', milestones],
  ];
  const failure = queries.find(([, q]) => q.status === 'error');
  const failureMessage = failure && failure[1].status === 'error' ? `The ${failure[0]} could not be loaded: ${failure[1].message}` : null;
  const data: PrintData | null =
    settings.status === 'ready' &&
    overview.status === 'ready' &&
    roadmap.status === 'ready' &&
    portfolio.status === 'ready' &&
    milestones.status === 'ready'
      ? { settings: settings.data, overview: overview.data, roadmap: roadmap.data, entries: portfolio.data.entries, milestones: milestones.data }
      : null;

  usePrintDocument(paper, data ? printTitle(data.settings) : 'MLOps Portfolio', embedded);
  const [drawError, setDrawError] = useState<string | null>(null);
  const error = failureMessage ?? drawError;

  const loaded = data !== null;
  useEffect(() => {
    const root = document.documentElement;
    if (error) {
      root.setAttribute(PRINT_READY_ATTRIBUTE, 'error');
      return;
    }
    if (!loaded) {
      root.removeAttribute(PRINT_READY_ATTRIBUTE);
      return;
    }
    let cancelled = false;
    void (async () => {
      await document.fonts.ready;
      if (cancelled) return;
      // Fitted while the chart is still drawing: the fitted blocks (cover, entries) hold no chart,
      // and the chart has a fixed size, so their heights are final now. Measuring here reuses the
      // layout the page needs anyway, and the zooms are laid out with the chart's next commit
      // instead of in a full layout of their own (about 150 ms for 24 entries).
      fitSectionsToPages(document, paper);
      // recharts 3 draws over a few commits: wait until the chart's bars are in the SVG, then two
      // more frames so layout and paint have caught up.
      const drawn = await waitFor(() => document.querySelectorAll('.print-doc [data-testid="roadmap-chart"] path.bar-range').length > 0, 5000);
      await nextFrame();
      await nextFrame();
      if (cancelled) return;
      if (!drawn) setDrawError('The roadmap chart did not draw within 5 seconds.');
      else root.setAttribute(PRINT_READY_ATTRIBUTE, 'true');
    })();
    return () => {
      cancelled = true;
    };
  }, [loaded, error, paper]);

  const content = error ? (
    <main className="print-doc print-failure" role="alert">
      <h1>The portfolio could not be printed</h1>
      <p>{error}</p>
    </main>
  ) : data ? (
    <PortfolioDocument data={data} curriculum={curriculum} paper={paper} />
  ) : (
    <main className="print-doc" aria-busy="true" />
  );
  return embedded ? createPortal(<div className="print-host">{content}</div>, document.body) : content;
}

/** A frame, or 100 ms where frames never come (a window that is not painting, e.g. minimised). */
const nextFrame = () =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });

async function waitFor(test: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > until) return false;
    await nextFrame();
  }
  return true;
}

const learnerNameOf = (settings: Settings) => settings.learnerName.trim() || 'MLOps learner';
const printTitle = (settings: Settings) => `${learnerNameOf(settings)} – MLOps Portfolio`;

/**
 * While the print view is up: the class print.css keys on (`printing` for the print route, where
 * the whole page turns light; `print-embedded` in the app, where only print media changes and the
 * screen keeps the learner's theme), the learner's name for the page footer, and a document title
 * that becomes the PDF's title. The paper size comes from the document's class (named pages in
 * print.css, as the CSP allows no inline <style>).
 */
function usePrintDocument(paper: PaperSize, title: string, embedded: boolean) {
  useEffect(() => {
    const root = document.documentElement;
    const previousTheme = root.dataset.theme;
    const previousTitle = document.title;
    const mode = embedded ? 'print-embedded' : 'printing';
    if (!embedded) root.dataset.theme = 'light';
    root.classList.add(mode);
    return () => {
      root.classList.remove(mode);
      if (!embedded) {
        if (previousTheme === undefined) delete root.dataset.theme;
        else root.dataset.theme = previousTheme;
      }
      root.removeAttribute(PRINT_READY_ATTRIBUTE);
      document.title = previousTitle;
    };
  }, [paper, embedded]);
  useEffect(() => {
    document.title = title;
    // Read by the page footer (`content: var(--print-footer)` in print.css): a CSS string.
    document.documentElement.style.setProperty('--print-footer', JSON.stringify(title));
    return () => {
      document.documentElement.style.removeProperty('--print-footer');
    };
  }, [title]);
}

function PortfolioDocument({ data, curriculum, paper }: { data: PrintData; curriculum: Curriculum; paper: PaperSize }) {
  const { printed: included, stillToCome } = entriesToPrint(data.entries);
  const itemOf = (id: string) => itemById(curriculum.items, id)!;
  return (
    <main className={`print-doc print-paper-${paper}`} data-paper={paper}>
      <Cover data={data} curriculum={curriculum} included={included} stillToCome={stillToCome} />
      <RoadmapSection data={data} curriculum={curriculum} />
      {included.length === 0 ? (
        <section className="print-section print-page-start">
          <h2 className="print-h2">Portfolio entries</h2>
          <p className="print-muted">No entries are included yet. Choose the projects to show on the Portfolio screen.</p>
        </section>
      ) : (
        included.map((entry, index) => (
          <EntrySection key={entry.itemId} entry={entry} item={itemOf(entry.itemId)} curriculum={curriculum} number={index + 1} />
        ))
      )}
      <MilestonesSection milestones={data.milestones} />
    </main>
  );
}

// ---- Cover -----------------------------------------------------------------------------------

function Cover({ data, curriculum, included, stillToCome }: { data: PrintData; curriculum: Curriculum; included: PortfolioEntry[]; stillToCome: PortfolioEntry[] }) {
  const { settings, overview } = data;
  const overall: Progress = overview.overall;
  const today = toDateInput(Date.now());
  const scored = included.filter((e) => e.latestAssessment);
  const meanScore = scored.length ? scored.reduce((sum, e) => sum + e.latestAssessment!.weightedTotal, 0) / scored.length : null;
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
          Study plan {formatLocalDate(settings.planStartDate, LONG_DATE)} – {formatLocalDate(settings.targetDate, LONG_DATE)}
          <span className="pp-cover-sep" aria-hidden="true">
            {' · '}
          </span>
          Made on {formatLocalDate(today, LONG_DATE)}
        </p>
      </div>

      <dl className="pp-cover-stats">
        <CoverStat label="Hours logged" value={`${formatHours(overall.loggedMinutes / 60)} h`} detail={`of ${overall.estimateMinHours}–${overall.estimateMaxHours} h estimated for the planned items`} />
        <CoverStat
          label="Items done"
          value={`${overall.doneCount} / ${overall.plannedCount}`}
          detail={`planned items${overall.skippedCount ? `, ${overall.skippedCount} skipped` : ''}`}
        />
        <CoverStat label="Completion" value={`${Math.round(overall.byHours * 100)} %`} detail="of the estimated hours" />
        <CoverStat
          label="Self-assessment"
          value={meanScore === null ? '—' : `${meanScore.toFixed(1)} / 100`}
          detail={meanScore === null ? 'no entry assessed yet' : `mean of ${scored.length} assessed ${scored.length === 1 ? 'entry' : 'entries'}`}
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
            Still to come on the roadmap: {stillToCome.map((e) => itemLabel(itemById(curriculum.items, e.itemId)!)).join(', ')}.
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

// ---- Roadmap ---------------------------------------------------------------------------------

function RoadmapSection({ data, curriculum }: { data: PrintData; curriculum: Curriculum }) {
  const { roadmap, overview } = data;
  return (
    <section className="print-section print-page-start" aria-labelledby="print-roadmap">
      <p className="print-eyebrow">The 9-month roadmap</p>
      <h2 id="print-roadmap" className="print-h2">
        Estimated and actual hours
      </h2>
      <p className="print-lede">
        Each bar is one exercise or project of the curriculum: the pale band is its estimated range, the dark bar the hours logged on
        it. Red marks time past the maximum estimate.
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
        Made with MLOps Study Companion from the learner&rsquo;s own study log. Hours are study time logged against each item; the
        estimates are the curriculum&rsquo;s. Scores are the learner&rsquo;s self-assessment against the curriculum&rsquo;s evaluation
        criteria, weighted {curriculum.evaluationCriteria.map((c) => c.weight).join('/')}.
      </p>
    </section>
  );
}

// ---- Entries ---------------------------------------------------------------------------------

const entryTitle = (entry: PortfolioEntry, item: CurriculumItem) => entry.fields.projectTitle.trim() || item.title;
export const formatScore = (assessment: Pick<Assessment, 'weightedTotal'>) => `${assessment.weightedTotal.toFixed(1)} / 100`;

function hoursVerdict(logged: number, min: number, max: number, status: ItemStatus): string {
  if (logged > max) return `${formatHours(logged - max)} h over the maximum estimate`;
  if (logged >= min) return 'within the estimate';
  if (status === 'done') return `${formatHours(min - logged)} h under the minimum estimate`;
  if (logged === 0) return 'no time logged yet';
  return 'under way';
}

function EntrySection({ entry, item, curriculum, number }: { entry: PortfolioEntry; item: CurriculumItem; curriculum: Curriculum; number: number }) {
  const singleLine = curriculum.portfolioTemplate.fields.filter((f) => !f.multiline);
  const multiLine = curriculum.portfolioTemplate.fields.filter((f) => f.multiline);
  const [firstLong, ...otherLong] = multiLine;
  const phase = curriculum.phases.find((p) => p.number === item.phase);
  const { minHours, maxHours } = item.estimate;
  const assessment = entry.latestAssessment;
  const headingId = `entry-${item.id.replace('.', '-')}`;
  return (
    <article className="print-entry print-page-start" aria-labelledby={headingId} data-testid={`print-entry-${item.id}`} data-fit-page>
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
            <span className={`pp-summary-value status-text pp-status-text-${entry.status}`}>{statusLabels[entry.status]}</span>
          </div>
          <div className="pp-entry-summary-cell entry-summary-hours">
            <span className="pp-summary-label">Hours logged</span>
            <span className="pp-summary-value">
              {formatHours(entry.loggedHours)} h <span className="pp-summary-of">of {minHours}–{maxHours} h estimated</span>
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

function Empty() {
  return (
    <span className="pp-field-empty" title="Left empty">
      —
    </span>
  );
}

function FieldText({ value }: { value: string }) {
  return value.trim() ? <>{value.trim()}</> : <Empty />;
}

function LongField({ label, value }: { label: string; value: string }) {
  const text = value.trim();
  return (
    <section className={text.length <= SHORT_FIELD_CHARS ? 'pp-entry-field pp-entry-keep' : 'pp-entry-field'}>
      <h3 className="print-h3">{label}</h3>
      {text ? <RichText text={text} /> : <p className="pp-field-body"><Empty /></p>}
    </section>
  );
}

/** Paragraphs split on blank lines; lines starting with "-", "*" or "•" become a bulleted list. */
export function RichText({ text }: { text: string }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.split('\n').filter((line) => line.trim() !== ''));
  const out: ReactNode[] = [];
  blocks.forEach((lines, b) => {
    let bullets: string[] = [];
    let para: string[] = [];
    const flush = (key: string) => {
      if (para.length) out.push(<p key={`p${key}`} className="pp-field-body">{para.join('\n')}</p>);
      if (bullets.length)
        out.push(
          <ul key={`u${key}`} className="pp-field-list">
            {bullets.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>,
        );
      para = [];
      bullets = [];
    };
    lines.forEach((line, i) => {
      const bullet = /^\s*(?:[-*•]|\d+[.)])\s+(.*)$/.exec(line);
      if (bullet) {
        if (para.length) flush(`${b}-${i}`);
        bullets.push(bullet[1]!);
      } else {
        if (bullets.length) flush(`${b}-${i}`);
        para.push(line.trim());
      }
    });
    flush(`${b}-end`);
  });
  return <>{out}</>;
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

// ---- Milestones ------------------------------------------------------------------------------

function MilestonesSection({ milestones }: { milestones: MilestoneData }) {
  return (
    <section className="print-section print-page-start" aria-labelledby="print-milestones">
      <p className="print-eyebrow">Success milestones</p>
      <h2 id="print-milestones" className="print-h2">
        Milestones
      </h2>
      <p className="print-lede">
        The curriculum&rsquo;s completion checklists. Where the study log can decide an entry, the small print under it says what the
        log shows; the other entries are ticked by the learner.
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
