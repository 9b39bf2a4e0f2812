// Settings → Sync: the folder this logbook syncs through (a folder dialog in the desktop app, a typed
// path in the browser version), this computer's name, on and off, "Sync now", and what the last sync
// did, in sentences. Syncing itself runs in main (electron/sync/); this section only shows and sets it.
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { SyncStatus } from '../../shared/schemas/sync';
import { call, fieldError } from '../api';
import { onAppCommand } from '../lib/commands';
import { useData, useMutation, useQuery } from '../lib/data';
import { useNow } from '../lib/useNow';
import { receivedSentence, whenSynced, wroteSentence } from '../lib/sync-words';
import { Loaded } from './Loaded';

interface Outcome {
  tone: 'success' | 'error';
  text: string;
}

export function SyncSettings() {
  const status = useQuery('sync.status', {});
  const { changed } = useData();
  // Main says when a sync starts or ends (also the ones it runs by itself): read the state again.
  useEffect(() => onAppCommand('sync:status', changed), [changed]);
  return (
    <section className="card settings-section" aria-labelledby="settings-sync" data-testid="sync-settings">
      <h2 id="settings-sync">Sync</h2>
      <p className="muted">
        Keep this logbook in step with your other computers through a folder that your own sync tool already keeps in
        step (Dropbox, Syncthing, OneDrive, iCloud Drive, a network share). Each computer writes only its own files
        there; nothing goes to a server of ours.
      </p>
      <Loaded query={status} quiet>
        {(data) => <SyncForm status={data} />}
      </Loaded>
    </section>
  );
}

function SyncForm({ status }: { status: SyncStatus }) {
  const mutate = useMutation();
  const now = useNow(true, 30_000);
  const [folder, setFolder] = useState(status.folder ?? '');
  const [name, setName] = useState(status.deviceName);
  const [errors, setErrors] = useState<{ folder?: string; deviceName?: string }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  // The stored choice changed (saved here, or on another visit): the fields show it again. Adjusted
  // while rendering, as React advises for state that follows a prop, not in an effect.
  const [stored, setStored] = useState({ folder: status.folder, deviceName: status.deviceName });
  if (stored.folder !== status.folder || stored.deviceName !== status.deviceName) {
    setStored({ folder: status.folder, deviceName: status.deviceName });
    if (stored.folder !== status.folder) setFolder(status.folder ?? '');
    if (stored.deviceName !== status.deviceName) setName(status.deviceName);
  }

  const run = async (work: () => Promise<Outcome | null>) => {
    setBusy(true);
    setOutcome(null);
    try {
      // A refusal has said itself already (onError); only what went through is said here.
      const done = await work();
      if (done) setOutcome(done);
    } finally {
      setBusy(false);
    }
  };
  /** A refusal about a field is said beside it; any other in the section's own line. */
  const refuse = (error: Error) => {
    const byField = { folder: fieldError(error, 'folder'), deviceName: fieldError(error, 'deviceName') };
    setErrors(byField);
    if (!byField.folder && !byField.deviceName) setOutcome({ tone: 'error', text: error.message });
  };

  const configure = (turnOn: boolean) =>
    run(async () => {
      setErrors({});
      const saved = await mutate(
        'sync.configure',
        // Turning off sends the stored name: a half-edited name field must not block it.
        turnOn ? { folder, deviceName: name } : { folder: null, deviceName: status.deviceName },
        { refresh: 'always', onError: refuse },
      );
      if (!saved) return null;
      if (!turnOn)
        return {
          tone: 'success',
          text: 'Sync is off. Both logbooks stay whole; turn sync on again and they catch up.',
        };
      // The first sync failed: the state says why (below), once.
      if (saved.problem) return null;
      // What the first sync brought in is said above, with the state.
      return { tone: 'success', text: 'Sync is on. From now on this computer syncs by itself.' };
    });

  const syncNow = () =>
    run(async () => {
      const report = await mutate(
        'sync.now',
        {},
        { refresh: 'always', onError: (e) => setOutcome({ tone: 'error', text: e.message }) },
      );
      if (!report) return null;
      return { tone: 'success', text: ['Synced.', receivedSentence(report), wroteSentence(report)].join(' ').trim() };
    });

  const chooseFolder = () =>
    run(async () => {
      try {
        const chosen = await call('sync.chooseFolder');
        if (chosen.folder) {
          setFolder(chosen.folder);
          setErrors((e) => ({ ...e, folder: undefined }));
        }
        return null;
      } catch (error) {
        return { tone: 'error', text: (error as Error).message };
      }
    });

  const edited = folder.trim() !== (status.folder ?? '') || name.trim() !== status.deviceName;
  /** Enter in a field does what the section's main button would: turn sync on, or save the change. */
  const submitOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || busy) return;
    e.preventDefault();
    if (!status.enabled || edited) void configure(true);
  };
  const report = status.lastReport;

  return (
    <>
      {status.enabled ? (
        <p data-testid="sync-state">
          <strong>Sync is on.</strong>{' '}
          {status.running
            ? 'Syncing now…'
            : status.lastSyncAt
              ? `Last synced ${whenSynced(status.lastSyncAt, now)}.`
              : 'Not synced yet.'}
        </p>
      ) : (
        <p data-testid="sync-state">
          <strong>Sync is off.</strong> This logbook stays on this computer only.
        </p>
      )}
      {status.enabled && report && (
        // What came in last stays said until something newer comes: a later sync that brought
        // nothing (the other machine only wrote its own bookkeeping) must not hide it.
        <p data-testid="sync-received">
          {status.lastReceived
            ? receivedSentence(status.lastReceived, whenSynced(status.lastReceived.at, now))
            : 'Nothing has come in from your other computers yet.'}{' '}
          {wroteSentence(report) ?? ''}
        </p>
      )}
      {status.problem && status.problem !== outcome?.text && (
        <p className="inline-error" role="alert" data-testid="sync-problem">
          {status.problem}
        </p>
      )}
      {status.enabled && report && report.problems.length > 0 && (
        <div className="sync-problems" data-testid="sync-skipped">
          <p>The last sync left some things in the folder alone:</p>
          <ul>
            {report.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="sync-fields">
        {status.canChooseFolder ? (
          <div className="field settings-field" role="group" aria-labelledby="sync-folder-label">
            <span id="sync-folder-label">Sync folder</span>
            <div className="sync-folder-choice">
              <code className="data-folder" data-testid="sync-folder">
                {folder || 'No folder chosen yet'}
              </code>
              <button type="button" className="button" disabled={busy} onClick={() => void chooseFolder()}>
                Choose a folder…
              </button>
            </div>
            <small id="sync-folder-help" className={errors.folder ? 'field-error' : 'field-hint'}>
              {errors.folder ?? 'A folder your sync tool keeps in step on every computer.'}
            </small>
          </div>
        ) : (
          <label className="field settings-field sync-folder-field">
            <span>Sync folder</span>
            <input
              type="text"
              value={folder}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={errors.folder ? true : undefined}
              aria-describedby="sync-folder-help"
              onChange={(e) => setFolder(e.target.value)}
              onKeyDown={submitOnEnter}
            />
            <small id="sync-folder-help" className={errors.folder ? 'field-error' : 'field-hint'}>
              {errors.folder ??
                "The folder's full path, for example /home/sam/Dropbox/Study. Your sync tool keeps it in step."}
            </small>
          </label>
        )}
        <label className="field settings-field">
          <span>This computer's name</span>
          <input
            type="text"
            value={name}
            maxLength={60}
            aria-invalid={errors.deviceName ? true : undefined}
            aria-describedby="sync-name-help"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={submitOnEnter}
          />
          <small id="sync-name-help" className={errors.deviceName ? 'field-error' : 'field-hint'}>
            {errors.deviceName ?? 'Your other computers say what came from here by this name.'}
          </small>
        </label>
      </div>

      <div className="form-actions">
        {status.enabled ? (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void syncNow()}>
              Sync now
            </button>
            {edited && (
              <button type="button" className="button" disabled={busy} onClick={() => void configure(true)}>
                Save folder and name
              </button>
            )}
            <button type="button" className="button" disabled={busy} onClick={() => void configure(false)}>
              Turn sync off
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void configure(true)}>
            Turn sync on
          </button>
        )}
      </div>
      {outcome &&
        (outcome.tone === 'error' ? (
          <p className="inline-error" role="alert" data-testid="sync-outcome">
            {outcome.text}
          </p>
        ) : (
          <p className="inline-success" role="status" data-testid="sync-outcome">
            {outcome.text}
          </p>
        ))}
    </>
  );
}
