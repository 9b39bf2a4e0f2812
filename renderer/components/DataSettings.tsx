// The learner's data: exports to keep or open in a spreadsheet, an import, and backups. What an
// action did, or why it was refused, is said in the section of the button that started it.
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Backup } from '../../shared/schemas/data';
import { call } from '../api';
import { onAppCommand } from '../lib/commands';
import { Loaded } from './Loaded';
import { formatDateTime } from '../lib/dates';
import { hrefFor } from '../lib/router';
import { useMutation, useQuery, type Mutate } from '../lib/data';

/** Offers text as a file to save: a download in the browser, a save dialog on the desktop. */
function offerDownload(fileName: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const formatBytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const reasonLabel: Record<Backup['reason'], string> = {
  daily: 'Daily',
  manual: 'Made by you',
  import: 'Before an import',
  restore: 'Before a restore',
  migration: 'Before an update',
};

type Section = 'folder' | 'export' | 'import' | 'backups';
interface Outcome {
  section: Section;
  tone: 'success' | 'error';
  text: string;
}

/** An action's outcome, in its own section: a status to read, or an alert when it was refused. */
function OutcomeLine({ outcome, section }: { outcome: Outcome | null; section: Section }) {
  if (!outcome || outcome.section !== section) return null;
  return outcome.tone === 'error' ? (
    <p className="inline-error" role="alert" data-testid={`${section}-outcome`}>
      {outcome.text}
    </p>
  ) : (
    <p className="inline-success" role="status" data-testid={`${section}-outcome`}>
      {outcome.text}
    </p>
  );
}

export function DataSettings() {
  const mutate = useMutation();
  const backups = useQuery('backups.list', {});
  const folder = useQuery('data.folder', {});
  const fileInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [busy, setBusy] = useState(false);
  const [confirmRestore, setConfirmRestore] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const refuse = (section: Section) => (error: Error) => setOutcome({ section, tone: 'error', text: error.message });
  /** Runs an action of `section`; what it returns is said there as done, what it throws as refused. */
  const run = async (section: Section, work: () => Promise<string | void>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const done = await work();
      if (done) setOutcome({ section, tone: 'success', text: done });
    } catch (e) {
      refuse(section)(e as Error);
    } finally {
      setBusy(false);
    }
  };
  /**
   * Writes for an action of `section`: a refusal is said there. The screen reloads either way: a
   * refused import or restore may have made its backup already.
   */
  const writeIn =
    (section: Section): Mutate =>
    (channel, input) =>
      mutate(channel, input, { refresh: 'always', onError: refuse(section) });

  const exportCsv = () =>
    run('export', async () => {
      const csv = await call('data.exportCsv');
      offerDownload(csv.fileName, csv.content, 'text/csv;charset=utf-8');
    });
  // The desktop menu's "Export time log CSV" lands here.
  const onExportCsvCommand = useEffectEvent(() => void exportCsv());
  useEffect(() => onAppCommand('export:csv', onExportCsvCommand), []);

  const importFile = (file: File) =>
    run('import', async () => {
      const result = await writeIn('import')('data.import', { content: await file.text(), mode });
      return (
        result &&
        `Imported ${file.name}: ${result.timeEntriesAdded} ${result.timeEntriesAdded === 1 ? 'entry' : 'entries'} added${result.timeEntriesSkipped ? `, ${result.timeEntriesSkipped} already here and skipped` : ''}. A backup was made first.`
      );
    });

  return (
    <>
      {folder.status === 'ready' && folder.data.location && (
        <section className="card settings-section" aria-labelledby="settings-folder">
          <h2 id="settings-folder">Data folder</h2>
          <p>
            Your logbook and its backups are in{' '}
            <code className="data-folder" data-testid="data-folder">
              {folder.data.location}
            </code>
          </p>
          {folder.data.canOpen && (
            <div className="form-actions">
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => run('folder', async () => void (await call('data.openFolder')))}
              >
                Open the data folder
              </button>
            </div>
          )}
          <OutcomeLine outcome={outcome} section="folder" />
        </section>
      )}

      <section className="card settings-section" aria-labelledby="settings-export">
        <h2 id="settings-export">Export</h2>
        <p className="muted">
          The time log opens in any spreadsheet; the full export holds everything you made and can be imported again.
        </p>
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void exportCsv()}>
            Time log as CSV
          </button>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              run('export', async () => {
                const json = await call('data.exportJson');
                offerDownload(json.fileName, json.content, 'application/json');
              })
            }
          >
            Everything as JSON
          </button>
        </div>
        <OutcomeLine outcome={outcome} section="export" />
      </section>

      <section className="card settings-section" aria-labelledby="settings-import">
        <h2 id="settings-import">Import</h2>
        <p className="muted">
          Reads a JSON export of this app. The file is checked in full first; a backup is made before anything changes.
          Hours tracked in Toggl Track, Clockify or Super Productivity come in through{' '}
          <a href={hrefFor({ screen: 'import' })}>Import from another tracker</a>.
        </p>
        <fieldset className="field-mode">
          <legend className="visually-hidden">Import mode</legend>
          <label>
            <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge
            with my data (nothing is duplicated)
          </label>
          <label>
            <input type="radio" name="import-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} />{' '}
            Replace my data with the file
          </label>
        </fieldset>
        <div className="form-actions">
          <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
            Choose a file to import…
          </button>
          {/* Opened by the button above: hidden, so it is neither a second button to screen readers nor a box in the layout. */}
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
        <OutcomeLine outcome={outcome} section="import" />
      </section>

      <section className="card settings-section" aria-labelledby="settings-backups">
        <h2 id="settings-backups">Backups</h2>
        <p className="muted">
          Made automatically once a day, before every import and before every restore. The newest{' '}
          {backups.status === 'ready' ? backups.data.keep : '…'} are kept.
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              run('backups', async () => {
                const backup = await writeIn('backups')('backups.create', {});
                return backup && `Backup made (${formatBytes(backup.bytes)}).`;
              })
            }
          >
            Back up now
          </button>
        </div>
        <OutcomeLine outcome={outcome} section="backups" />
        <Loaded query={backups} quiet>
          {({ backups: list }) =>
            list.length === 0 ? (
              <p className="empty-note">No backups yet.</p>
            ) : (
              <table className="data-table" data-testid="backups">
                <thead>
                  <tr>
                    <th scope="col">Made</th>
                    <th scope="col">Why</th>
                    <th scope="col" className="num">
                      Size
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Restore</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((b) => (
                    <tr key={b.id}>
                      <td>{formatDateTime(b.createdAt)}</td>
                      <td>{reasonLabel[b.reason]}</td>
                      <td className="num">{formatBytes(b.bytes)}</td>
                      <td className="num">
                        {confirmRestore === b.id ? (
                          <span className="entry-actions">
                            <span className="confirm-text">Replace your data with this backup?</span>
                            <button
                              type="button"
                              className="button button-small button-danger"
                              disabled={busy}
                              onClick={() =>
                                run('backups', async () => {
                                  setConfirmRestore(null);
                                  const restored = await writeIn('backups')('backups.restore', { id: b.id });
                                  return restored && 'Backup restored. Your data from before is kept as a backup too.';
                                })
                              }
                            >
                              Restore
                            </button>
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => setConfirmRestore(null)}
                            >
                              Cancel
                            </button>
                          </span>
                        ) : (
                          <button type="button" className="button button-small" onClick={() => setConfirmRestore(b.id)}>
                            Restore…
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </section>
    </>
  );
}
