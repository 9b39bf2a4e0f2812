// Importing another tracker's time report: choose the file, check how its projects and tasks map to
// the curriculum (nothing is written until the learner confirms), import in one step, undo in one
// step. Main reads the file each time the mapping changes, so what is shown is what will be written.
import { useRef, useState, type DragEvent } from 'react';
import type { ImportBatch, ImportGroup, ImportPreview } from '../../shared/schemas/imports';
import { formatMinutes } from '../../shared/time';
import { itemById } from '../../shared/curriculum';
import { call } from '../api';
import { ItemOptions } from '../components/ItemOptions';
import { Loaded } from '../components/Loaded';
import { useData, useMutation, useQuery } from '../lib/data';
import { formatDate, formatDateTime } from '../lib/dates';
import { itemLabel, plural } from '../lib/labels';
import { hrefFor } from '../lib/router';

const THIS_COMPUTER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Every zone the browser knows, this computer's first. */
const TIME_ZONES = [
  THIS_COMPUTER_ZONE,
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== THIS_COMPUTER_ZONE),
];

const hoursOf = (ms: number) => formatMinutes(ms / 60_000);

interface ChosenFile {
  name: string;
  content: string;
}

type Reading =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'refused'; message: string }
  | { status: 'ready'; preview: ImportPreview };

interface Done {
  batch: ImportBatch;
  alreadyLogged: number;
}

/** What the file is read with; each change reads it again. */
interface ReadParams {
  file: ChosenFile;
  timeZone: string;
  dateOrder?: 'dmy' | 'mdy';
  choices: ReadonlyMap<string, string | null>;
}

const requestOf = ({ file, timeZone, dateOrder, choices }: ReadParams) => ({
  content: file.content,
  fileName: file.name,
  timeZone,
  dateOrder,
  mapping: [...choices].map(([key, itemId]) => ({ key, itemId })),
});

export function ImportScreen() {
  const mutate = useMutation();
  const imports = useQuery('import.list', {});
  const fileInput = useRef<HTMLInputElement>(null);
  const [params, setParams] = useState<ReadParams | null>(null);
  const [timeZone, setTimeZone] = useState(THIS_COMPUTER_ZONE);
  const [reading, setReading] = useState<Reading>({ status: 'idle' });
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  /** Reads the file with these choices; only the newest answer is shown. */
  const read = (next: ReadParams) => {
    setParams(next);
    const id = ++latest.current;
    setReading((r) => (r.status === 'ready' ? r : { status: 'reading' }));
    call('import.preview', requestOf(next)).then(
      (preview) => id === latest.current && setReading({ status: 'ready', preview }),
      (error: Error) => id === latest.current && setReading({ status: 'refused', message: error.message }),
    );
  };

  const choose = async (chosen: File) => {
    setDone(null);
    setFailure(null);
    setReading({ status: 'reading' });
    read({ file: { name: chosen.name, content: await chosen.text() }, timeZone, choices: new Map() });
  };

  const chooseZone = (zone: string) => {
    setTimeZone(zone);
    if (params) read({ ...params, timeZone: zone });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const dropped = e.dataTransfer.files[0];
    if (dropped) void choose(dropped);
  };

  const runImport = async () => {
    if (!params || reading.status !== 'ready') return;
    setBusy(true);
    setFailure(null);
    const result = await mutate('import.apply', requestOf(params), {
      refresh: 'always',
      onError: (e) => setFailure(e.message),
    });
    setBusy(false);
    if (!result) return;
    setDone({ batch: result.batch, alreadyLogged: result.alreadyLogged });
    setParams(null);
    setReading({ status: 'idle' });
  };

  const undo = async (batch: ImportBatch) => {
    setBusy(true);
    setFailure(null);
    const result = await mutate('import.undo', { batchId: batch.id }, { onError: (e) => setFailure(e.message) });
    setBusy(false);
    if (result && done?.batch.id === batch.id) setDone({ ...done, batch: result.batch });
  };

  const preview = reading.status === 'ready' ? reading.preview : null;
  const file = params?.file;
  return (
    <div className="screen import-screen">
      <header className="screen-header">
        <nav className="breadcrumbs" aria-label="Breadcrumb">
          <a href={hrefFor({ screen: 'log' })}>Time log</a>
          <span aria-hidden="true">/</span>
          <span>Import</span>
        </nav>
        <h1 tabIndex={-1}>Import from another tracker</h1>
        <p className="screen-lede">
          Bring the hours you tracked in Toggl Track, Clockify or Super Productivity. Nothing is written until you
          confirm; a backup is made first, and an import can be undone here in one step.
        </p>
      </header>

      <section className="card" aria-labelledby="import-file" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <h2 id="import-file">1. Choose a report</h2>
        <ul className="import-sources muted">
          <li>
            <strong>Toggl Track</strong>: Reports › Detailed › Export › Download as CSV.
          </li>
          <li>
            <strong>Clockify</strong>: Reports › Detailed › Export › Save as CSV.
          </li>
          <li>
            <strong>Super Productivity</strong>: its data export (backup) in Settings, a .json file.
          </li>
        </ul>
        <div className="import-choose">
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
              {file ? 'Choose another file…' : 'Choose a file…'}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              hidden
              data-testid="import-file"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                e.target.value = '';
                if (chosen) void choose(chosen);
              }}
            />
            {file && <span className="import-file-name">{file.name}</span>}
          </div>
          <label className="field">
            <span>The times in the file are in</span>
            <select value={timeZone} onChange={(e) => chooseZone(e.target.value)}>
              {TIME_ZONES.map((zone) => (
                <option key={zone} value={zone}>
                  {zone === THIS_COMPUTER_ZONE ? `${zone} (this computer)` : zone}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="muted small">
          Trackers write times in the zone of the account that exported them, and the file does not say which.
        </p>
        {reading.status === 'reading' && !preview && (
          <p role="status" className="muted">
            Reading {file?.name}…
          </p>
        )}
        {reading.status === 'refused' && (
          <p className="inline-error" role="alert" data-testid="import-refused">
            {reading.message}
          </p>
        )}
      </section>

      {preview && params && (
        <MappingCard
          preview={preview}
          busy={busy || reading.status === 'reading'}
          onDateOrder={(dateOrder) => read({ ...params, dateOrder })}
          onChoose={(key, itemId) => read({ ...params, choices: new Map(params.choices).set(key, itemId) })}
          onImport={() => void runImport()}
          failure={failure}
        />
      )}

      {done && (
        <section className="card" aria-labelledby="import-done">
          <h2 id="import-done">Imported</h2>
          {done.batch.undoneAt === null ? (
            <>
              <p className="inline-success" role="status" data-testid="import-outcome">
                Added {plural(done.batch.added, 'session')} ({hoursOf(done.batch.addedMs)}) from {done.batch.fileName}
                {done.alreadyLogged
                  ? `; ${plural(done.alreadyLogged, 'session was', 'sessions were')} already in your log`
                  : ''}
                . A backup was made first.
              </p>
              <div className="form-actions">
                <a className="button" href={hrefFor({ screen: 'log' })}>
                  See them in the time log
                </a>
                <button type="button" className="button" disabled={busy} onClick={() => void undo(done.batch)}>
                  Undo this import
                </button>
              </div>
            </>
          ) : (
            <p className="inline-success" role="status" data-testid="import-outcome">
              Import undone: the sessions from {done.batch.fileName} are out of your log.
            </p>
          )}
          {failure && (
            <p className="inline-error" role="alert">
              {failure}
            </p>
          )}
        </section>
      )}

      <section className="card" aria-labelledby="import-history">
        <h2 id="import-history">Past imports</h2>
        <Loaded query={imports} quiet>
          {({ imports: list }) =>
            list.length === 0 ? (
              <p className="empty-note">No imports yet.</p>
            ) : (
              <PastImports list={list} busy={busy} onUndo={(batch) => void undo(batch)} />
            )
          }
        </Loaded>
      </section>
    </div>
  );
}

function MappingCard({
  preview,
  busy,
  onDateOrder,
  onChoose,
  onImport,
  failure,
}: {
  preview: ImportPreview;
  busy: boolean;
  onDateOrder: (order: 'dmy' | 'mdy') => void;
  onChoose: (key: string, itemId: string | null) => void;
  onImport: () => void;
  failure: string | null;
}) {
  const { totals } = preview;
  return (
    <section className="card" aria-labelledby="import-mapping">
      <h2 id="import-mapping">2. Match to the curriculum</h2>
      <p data-testid="import-summary">
        {preview.formatName}: {plural(totals.rows, 'row')}
        {preview.firstStart !== null && preview.lastEnd !== null
          ? `, from ${formatDate(preview.firstStart)} to ${formatDate(preview.lastEnd)}`
          : ''}
        .
      </p>
      {!preview.dateOrderCertain && (
        <fieldset className="field-mode">
          <legend>Every date in this file reads both ways. Is 03/04 the 3rd of April or March 4th?</legend>
          <label>
            <input type="radio" checked={preview.dateOrder === 'dmy'} onChange={() => onDateOrder('dmy')} /> Day first
            (03/04 is 3 April)
          </label>
          <label>
            <input type="radio" checked={preview.dateOrder === 'mdy'} onChange={() => onDateOrder('mdy')} /> Month first
            (03/04 is March 4)
          </label>
        </fieldset>
      )}
      {preview.dayTotalsOnly && (
        <p className="muted">
          This tracker keeps only a total per task and day, not when you worked: each imported session starts at
          midnight and lasts that day&apos;s total.
        </p>
      )}
      {preview.groups.length > 0 ? (
        <table className="data-table import-groups" data-testid="import-groups">
          <thead>
            <tr>
              <th scope="col">In the file</th>
              <th scope="col" className="num">
                Sessions
              </th>
              <th scope="col" className="num">
                Time
              </th>
              <th scope="col">Goes to</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {preview.groups.map((group) => (
              <GroupRow key={group.key} group={group} busy={busy} onChoose={onChoose} />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty-note">No session in this file can be imported.</p>
      )}
      {preview.refusedRows > 0 && (
        <details className="import-refusals" data-testid="import-refusals">
          <summary>{plural(preview.refusedRows, 'row')} cannot be imported; see why</summary>
          <ul>
            {preview.refusals.map((r) => (
              <li key={r.sourceRow}>{r.reason}</li>
            ))}
            {preview.refusedRows > preview.refusals.length && (
              <li>…and {plural(preview.refusedRows - preview.refusals.length, 'more row')}.</li>
            )}
          </ul>
        </details>
      )}
      <div className="import-confirm">
        <p data-testid="import-plan">
          {totals.toAdd > 0
            ? `Will add ${plural(totals.toAdd, 'session')} (${hoursOf(totals.toAddMs)}) to ${plural(totals.items, 'item')}.`
            : 'Nothing to add.'}
          {totals.alreadyLogged > 0 &&
            ` ${plural(totals.alreadyLogged, 'session is', 'sessions are')} already in your log.`}
          {totals.leftOut > 0 && ` ${plural(totals.leftOut, 'session is', 'sessions are')} left out.`}
        </p>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || totals.toAdd === 0}
          onClick={onImport}
        >
          {totals.toAdd > 0 ? `Import ${plural(totals.toAdd, 'session')}` : 'Import'}
        </button>
      </div>
      {failure && (
        <p className="inline-error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}

function GroupRow({
  group,
  busy,
  onChoose,
}: {
  group: ImportGroup;
  busy: boolean;
  onChoose: (key: string, itemId: string | null) => void;
}) {
  const { curriculum } = useData();
  const described = group.describedItemId && itemById(curriculum.items, group.describedItemId);
  const label = [group.project || '(no project)', group.task].filter(Boolean).join(' › ');
  return (
    <tr>
      <th scope="row">
        {label}
        {described && <span className="muted small"> · descriptions naming {described.title}</span>}
      </th>
      <td className="num">{group.rows.toLocaleString()}</td>
      <td className="num">{hoursOf(group.ms)}</td>
      <td>
        <select
          aria-label={`Where ${label} goes`}
          value={group.itemId ?? ''}
          disabled={busy}
          onChange={(e) => onChoose(group.key, e.target.value || null)}
        >
          <option value="">Leave out</option>
          <ItemOptions items={curriculum.items} />
        </select>
        <div className="muted small">
          {group.proposedItemId
            ? group.itemId === group.proposedItemId
              ? `Proposed: ${group.proposedBecause}.`
              : `Proposed ${itemLabel(itemById(curriculum.items, group.proposedItemId)!)}: ${group.proposedBecause}.`
            : 'Nothing in its names matches an item.'}
        </div>
      </td>
      <td>
        {group.itemId === null
          ? 'Left out'
          : [
              group.toAdd > 0 ? `${plural(group.toAdd, 'to add', 'to add')}` : null,
              group.alreadyLogged > 0 ? `${group.alreadyLogged.toLocaleString()} already in your log` : null,
            ]
              .filter(Boolean)
              .join(' · ')}
      </td>
    </tr>
  );
}

function PastImports({
  list,
  busy,
  onUndo,
}: {
  list: ImportBatch[];
  busy: boolean;
  onUndo: (batch: ImportBatch) => void;
}) {
  return (
    <table className="data-table" data-testid="import-history">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">File</th>
          <th scope="col" className="num">
            Sessions
          </th>
          <th scope="col">
            <span className="visually-hidden">Undo</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((batch) => (
          <tr key={batch.id}>
            <td>{formatDateTime(batch.importedAt)}</td>
            <td>
              {batch.fileName}
              <div className="muted small">{batch.formatName}</div>
            </td>
            <td className="num">
              {batch.undoneAt === null
                ? `${batch.remaining.toLocaleString()} (${hoursOf(batch.addedMs)})`
                : batch.added.toLocaleString()}
            </td>
            <td className="num">
              {batch.undoneAt !== null ? (
                <span className="muted">Undone {formatDate(batch.undoneAt)}</span>
              ) : batch.remaining === 0 ? (
                <span className="muted">All deleted since</span>
              ) : (
                <button type="button" className="button button-small" disabled={busy} onClick={() => onUndo(batch)}>
                  Undo
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
