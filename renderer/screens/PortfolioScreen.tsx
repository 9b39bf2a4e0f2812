// One showcase entry per item in the seed's template, pre-filled from the logbook, saved as the
// learner types; a self-assessment against the weighted criteria with its history; the PDF export.
import { useEffect, useEffectEvent, useState } from 'react';
import {
  criterionIds,
  itemById,
  type CurriculumItem,
  type PortfolioFieldKey,
  type PortfolioLinkKey,
} from '../../shared/curriculum';
import type { Assessment, AssessmentScores } from '../../shared/schemas/assessment';
import { isWebLink, WEB_LINK_MESSAGE, type PaperSize, type PortfolioEntry } from '../../shared/schemas/portfolio';
import { formatHours } from '../../shared/time';
import { entriesToPrint, hasSomethingToShow } from '../../shared/portfolio';
import { fieldError } from '../api';
import { onAppCommand } from '../lib/commands';
import { Loaded } from '../components/Loaded';
import { StatusBadge } from '../components/StatusBadge';
import { useData, useMutation, useQuery } from '../lib/data';
import { estimateLabel, itemLabel } from '../lib/labels';
import { EXPORT_RUNNING_MESSAGE, usePdfExport } from '../print/PdfExport';
import { useNotices } from '../lib/notices';
import { useAutosave } from '../lib/useAutosave';

export function PortfolioScreen() {
  const { curriculum } = useData();
  const list = useQuery('portfolio.list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const entries = list.status === 'ready' ? list.data.entries : [];
  const current = entries.find((e) => e.itemId === selected) ?? entries.find((e) => e.included) ?? entries[0];

  return (
    <div className="screen portfolio-screen">
      <header className="screen-header screen-header-row">
        <div>
          <h1 tabIndex={-1}>Portfolio</h1>
          <p className="screen-lede">
            A showcase entry per project, in the curriculum's template. Everything is saved as you type.
          </p>
        </div>
        <ExportButton includedCount={entriesToPrint(entries).printed.length} />
      </header>
      <Loaded query={list}>
        {() =>
          current && (
            <div className="portfolio-layout">
              <nav className="portfolio-list card" aria-label="Portfolio entries">
                <ul>
                  {curriculum.items.map((item) => {
                    const entry = entries.find((e) => e.itemId === item.id)!;
                    return (
                      <li key={item.id}>
                        <button
                          type="button"
                          className={`portfolio-pick${entry.itemId === current.itemId ? ' is-current' : ''}${entry.included ? '' : ' is-excluded'}`}
                          aria-current={entry.itemId === current.itemId ? 'true' : undefined}
                          onClick={() => setSelected(item.id)}
                        >
                          <span className="portfolio-pick-id">{itemLabel(item)}</span>
                          <span className="portfolio-pick-title">{item.title}</span>
                          <span className="portfolio-pick-meta">
                            {/* The same rule as the PDF and the Export button's count: an included entry with nothing to show yet is left out. */}
                            {!entry.included
                              ? 'Not included'
                              : hasSomethingToShow(entry)
                                ? 'In portfolio'
                                : 'Included, nothing to show yet'}
                            {entry.latestAssessment && ` · ${entry.latestAssessment.weightedTotal.toFixed(1)}/100`}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </nav>
              <EntryEditor key={current.itemId} entry={current} item={itemById(curriculum.items, current.itemId)!} />
            </div>
          )
        }
      </Loaded>
    </div>
  );
}

function ExportButton({ includedCount }: { includedCount: number }) {
  const notices = useNotices();
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [busy, setBusy] = useState(false);
  const printPdf = usePdfExport();
  const exportPdf = async () => {
    // The menu's command can come while the button's export runs.
    if (busy) return notices.info(EXPORT_RUNNING_MESSAGE);
    setBusy(true);
    try {
      const result = await printPdf(paper);
      if (result.saved) notices.success(`Saved ${result.fileName}: ${result.pages} pages.`);
    } catch (e) {
      notices.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  // The desktop menu's "Export portfolio PDF…" lands here.
  const onExportPdfCommand = useEffectEvent(() => void exportPdf());
  useEffect(() => onAppCommand('export:pdf', onExportPdfCommand), []);
  return (
    <div className="export-box">
      <label className="field">
        <span>Paper</span>
        <select value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)}>
          <option value="A4">A4</option>
          <option value="Letter">Letter</option>
        </select>
      </label>
      <button type="button" className="button button-primary" onClick={() => void exportPdf()} disabled={busy}>
        {busy ? 'Exporting…' : `Export PDF (${includedCount} ${includedCount === 1 ? 'entry' : 'entries'})`}
      </button>
    </div>
  );
}

function EntryEditor({ entry, item }: { entry: PortfolioEntry; item: CurriculumItem }) {
  const { curriculum } = useData();
  const mutate = useMutation();
  const [included, setIncluded] = useState(entry.included);
  const toggle = async (next: boolean) => {
    setIncluded(next);
    if (!(await mutate('portfolio.update', { itemId: entry.itemId, included: next }))) setIncluded(!next);
  };
  return (
    <article className="portfolio-editor" aria-labelledby="entry-title">
      <section className="card entry-head">
        <div className="entry-head-top">
          <div>
            <p className="eyebrow">{itemLabel(item)}</p>
            <h2 id="entry-title" className="entry-title">
              {item.title}
            </h2>
          </div>
          <label className="switch">
            <input type="checkbox" checked={included} onChange={(e) => void toggle(e.target.checked)} />
            <span>Include in the PDF</span>
          </label>
        </div>
        <p className="entry-facts">
          <StatusBadge status={entry.status} /> {formatHours(entry.loggedHours)} h logged of {estimateLabel(item)}{' '}
          estimated
        </p>
      </section>
      <section className="card template-fields" aria-label="Showcase template">
        {curriculum.portfolioTemplate.fields.map((field) => (
          <TemplateField
            key={field.key}
            itemId={entry.itemId}
            fieldKey={field.key}
            label={field.label}
            multiline={field.multiline}
            initial={entry.fields[field.key]}
            prefilled={entry.prefilled.includes(field.key)}
          />
        ))}
        <fieldset className="links-fieldset">
          <legend>Links</legend>
          <div className="links-grid">
            {curriculum.portfolioTemplate.links.map((link) => (
              <LinkField
                key={link.key}
                itemId={entry.itemId}
                linkKey={link.key}
                label={link.label}
                initial={entry.links[link.key]}
              />
            ))}
          </div>
        </fieldset>
      </section>
      <SelfAssessment itemId={entry.itemId} latest={entry.latestAssessment} />
    </article>
  );
}

const saveLabel = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved' } as const;

function TemplateField(props: {
  itemId: string;
  fieldKey: PortfolioFieldKey;
  label: string;
  multiline: boolean;
  initial: string;
  prefilled: boolean;
}) {
  const { itemId, fieldKey, label, multiline, initial, prefilled } = props;
  const mutate = useMutation();
  const [value, setValue] = useState(initial);
  const [fromApp, setFromApp] = useState(prefilled);
  const { state, schedule, flush } = useAutosave(async (text) => {
    const saved = await mutate('portfolio.update', { itemId, fields: { [fieldKey]: text } }, { refresh: 'never' });
    if (saved) setFromApp(false);
    return saved !== undefined;
  });
  const id = `field-${fieldKey}`;
  const common = {
    id,
    value,
    onChange: (e: { target: { value: string } }) => {
      setValue(e.target.value);
      schedule(e.target.value);
    },
    onBlur: () => void flush(),
    'aria-describedby': `${id}-state`,
  };
  return (
    <div className="template-field">
      <label htmlFor={id} className="template-label">
        {label}
        <span id={`${id}-state`} className="save-state">
          {state !== 'idle' ? saveLabel[state] : fromApp && value ? 'Filled in from your logbook' : ''}
        </span>
      </label>
      {multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}

function LinkField({
  itemId,
  linkKey,
  label,
  initial,
}: {
  itemId: string;
  linkKey: PortfolioLinkKey;
  label: string;
  initial: string;
}) {
  const [value, setValue] = useState(initial);
  const mutate = useMutation();
  const [error, setError] = useState<string | null>(null);
  const { state, schedule, flush } = useAutosave(async (text) => {
    const saved = await mutate(
      'portfolio.update',
      { itemId, links: { [linkKey]: text } },
      { refresh: 'never', onError: (e) => setError(fieldError(e, `links.${linkKey}`) ?? e.message) },
    );
    return saved !== undefined;
  });
  const id = `link-${linkKey}`;
  return (
    <div className="template-field">
      <label htmlFor={id} className="template-label">
        {label}
        <span className="save-state">{!error && state !== 'idle' ? saveLabel[state] : ''}</span>
      </label>
      <input
        id={id}
        type="url"
        inputMode="url"
        placeholder="https://"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        onChange={(e) => {
          const text = e.target.value;
          setValue(text);
          // Say what is wrong while typing, but only save what the main process will accept.
          if (isWebLink(text.trim())) {
            setError(null);
            schedule(text.trim());
          } else {
            setError(WEB_LINK_MESSAGE);
          }
        }}
        onBlur={() => void flush()}
      />
      <small id={`${id}-error`} className="field-error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </small>
    </div>
  );
}

/** Whether every criterion has a score: then the draft is the scores to save. */
const isComplete = (draft: Record<string, (number | null)[]>): draft is AssessmentScores =>
  criterionIds.every((c) => draft[c]!.every((s) => s !== null));

function SelfAssessment({ itemId, latest }: { itemId: string; latest: Assessment | null }) {
  const { curriculum } = useData();
  const notices = useNotices();
  const mutate = useMutation();
  const history = useQuery('assessment.history', { itemId });
  const [scores, setScores] = useState<Record<string, (number | null)[]>>(() =>
    Object.fromEntries(criterionIds.map((c) => [c, latest ? [...latest.scores[c]] : [null, null, null, null, null]])),
  );
  // A newly saved assessment replaces the sliders (an unsaved one stays as the learner left it).
  const [shownLatest, setShownLatest] = useState(latest);
  if (shownLatest !== latest) {
    setShownLatest(latest);
    if (latest) setScores(Object.fromEntries(criterionIds.map((c) => [c, [...latest.scores[c]]])));
  }
  const complete = isComplete(scores);
  const save = async () => {
    if (!isComplete(scores)) return;
    const result = await mutate('assessment.save', { itemId, scores });
    if (result) notices.success(`Assessment saved: ${result.saved.weightedTotal.toFixed(1)} / 100.`);
  };
  const past = history.status === 'ready' ? history.data.history : [];
  return (
    <section className="card assessment" aria-labelledby="assessment-title">
      <header className="assessment-head">
        <h2 id="assessment-title">Self-assessment</h2>
        {latest && (
          <p className="assessment-total" data-testid="assessment-total">
            <strong>{latest.weightedTotal.toFixed(1)}</strong> / 100
          </p>
        )}
      </header>
      <p className="muted">
        Score each criterion from 1 (not yet) to 5 (excellent). Categories weigh 40/30/20/10, as in the curriculum.
      </p>
      {curriculum.evaluationCriteria.map((category) => (
        <fieldset key={category.id} className="criteria">
          <legend>
            {category.title} <span className="muted">({category.weight}%)</span>
            {latest && <span className="criteria-percent">{Math.round(latest.categoryPercents[category.id])}%</span>}
          </legend>
          {category.subCriteria.map((criterion, index) => (
            <div
              key={criterion}
              className="criterion"
              role="radiogroup"
              aria-label={`${criterion} (${category.title})`}
            >
              <span className="criterion-label">{criterion}</span>
              <span className="scale">
                {[1, 2, 3, 4, 5].map((score) => (
                  <label key={score} className="scale-option">
                    <input
                      type="radio"
                      name={`${category.id}-${index}`}
                      value={score}
                      checked={scores[category.id]![index] === score}
                      onChange={() =>
                        setScores((prev) => ({
                          ...prev,
                          [category.id]: prev[category.id]!.map((s, i) => (i === index ? score : s)),
                        }))
                      }
                    />
                    <span>{score}</span>
                  </label>
                ))}
              </span>
            </div>
          ))}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={!complete} onClick={() => void save()}>
          Save assessment
        </button>
        {!complete && <span className="muted">Score all 20 criteria to save.</span>}
      </div>
      {past.length > 0 && (
        <div className="history">
          <h3>How the score moved</h3>
          <ol className="history-list" data-testid="assessment-history">
            {past.map((a) => (
              <li key={a.id}>
                <span>
                  {new Date(a.assessedAt).toLocaleDateString(undefined, {
                    day: 'numeric',
                    month: 'short',
                    year: 'numeric',
                  })}
                </span>
                <span className="history-bar" style={{ width: `${a.weightedTotal}%` }} aria-hidden="true" />
                <strong>{a.weightedTotal.toFixed(1)}</strong>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
