// A manual entry: date, start, then either a duration or an end time, and a note. Used to add
// an entry on the item screen and to edit any entry. What is wrong is said next to the field it
// concerns: the form's own checks first (in its words: a duration, an end before the start), then
// whatever the main process refuses, placed by the field it names.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { NOTE_MAX, SPAN_MESSAGES, type TimeEntry } from '../../shared/schemas/time';
import { MINUTE_MS } from '../../shared/time';
import { ApiError } from '../api';
import { endFromClock, formatTime, fromLocal, toDateInput, toTimeInput } from '../lib/dates';
import { useData, useMutation } from '../lib/data';
import { ItemOptions } from './ItemOptions';

interface Props {
  /** The entry being edited; absent when adding. */
  entry?: TimeEntry;
  /** The item a new entry is for; editing may move an entry to another item. */
  itemId: string;
  /** What a new entry starts from instead of the hour before: a suggested session to edit before adding. */
  draft?: { startedAt: number; endedAt: number; note: string };
  onDone: (saved: TimeEntry) => void;
  onCancel?: () => void;
}

/** Where a message is shown: beside one of the form's fields, or under the whole form. */
type Place = 'item' | 'start' | 'length' | 'note' | 'form';
type Errors = Partial<Record<Place, string>>;

/** The form's place for each field the main process can refuse. */
const PLACE_OF: Record<string, Place> = { itemId: 'item', startedAt: 'start', endedAt: 'length', note: 'note' };

/** A refusal from the main process, each sentence beside its field; the rest under the form. */
function placeErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return { form: (error as Error).message };
  const placed: Errors = {};
  for (const [field, sentence] of Object.entries(error.fields)) {
    const place = PLACE_OF[field];
    if (place && !placed[place]) placed[place] = sentence;
  }
  return Object.keys(placed).length > 0 ? placed : { form: error.message };
}

export function EntryForm({ entry, draft, itemId: initialItemId, onDone, onCancel }: Props) {
  const { curriculum } = useData();
  const mutate = useMutation();
  const id = useId();
  // A new entry's defaults: the hour before the form opened.
  const [openedAt] = useState(() => Date.now());
  const given = entry ?? draft;
  const defaultStart = given?.startedAt ?? openedAt - 60 * MINUTE_MS;
  const initialMinutes = given ? Math.round((given.endedAt - given.startedAt) / MINUTE_MS) : 60;
  const [itemId, setItemId] = useState(initialItemId);
  const [date, setDate] = useState(toDateInput(defaultStart));
  const [start, setStart] = useState(toTimeInput(defaultStart));
  const [mode, setMode] = useState<'duration' | 'end'>('duration');
  const [hours, setHours] = useState(String(Math.floor(initialMinutes / 60)));
  const [minutes, setMinutes] = useState(String(initialMinutes % 60));
  const [end, setEnd] = useState(toTimeInput(given?.endedAt ?? openedAt));
  const [nextDay, setNextDay] = useState(given ? toDateInput(given.endedAt) !== toDateInput(given.startedAt) : false);
  const [note, setNote] = useState(given?.note ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  /** The span the fields describe, or the form's own objection in its own words. */
  const span = (): { startedAt: number; endedAt: number } | Errors => {
    const startedAt = fromLocal(date, start);
    if (startedAt === null) return { start: 'Enter a date and a start time.' };
    if (mode === 'duration') {
      const h = Number(hours || 0);
      const m = Number(minutes || 0);
      if (!Number.isFinite(h) || !Number.isFinite(m) || h < 0 || m < 0)
        return { length: 'Enter the duration as hours and minutes.' };
      const total = Math.round(h * 60 + m);
      if (total < 1) return { length: SPAN_MESSAGES.atLeastAMinute };
      return { startedAt, endedAt: startedAt + total * MINUTE_MS };
    }
    const endedAt = endFromClock(startedAt, end, nextDay);
    if (endedAt === null) return { length: 'Enter an end time.' };
    if (!nextDay && endedAt < startedAt) {
      return {
        length: `The end (${formatTime(endedAt)}) is before the start (${formatTime(startedAt)}). Correct the times, or tick “Ends the next day” for a session past midnight.`,
      };
    }
    if (endedAt === startedAt) return { length: SPAN_MESSAGES.atLeastAMinute };
    return { startedAt, endedAt };
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    const checked = span();
    if (!('startedAt' in checked)) return setErrors(checked);
    setErrors({});
    setBusy(true);
    const refused = { onError: (e: Error) => setErrors(placeErrors(e)) };
    const saved = entry
      ? await mutate('time.edit', { id: entry.id, itemId, ...checked, note }, refused)
      : await mutate('time.add', { itemId, ...checked, note }, refused);
    setBusy(false);
    if (!saved) return;
    onDone(saved);
    if (!entry) setNote('');
  };

  // A note may hold several lines, so Enter in it is a new line; Ctrl+Enter (⌘+Enter) adds the entry.
  const submitFromNote = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const errorId = (place: Place) => `${id}-${place}-error`;
  const invalid = (place: Place) =>
    errors[place] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(place) } : {};
  const message = (place: Place) =>
    errors[place] && (
      <p className="field-error field-wide" id={errorId(place)} role="alert">
        {errors[place]}
      </p>
    );

  return (
    <form
      className="entry-form"
      onSubmit={submit}
      aria-label={entry ? 'Edit time entry' : 'Add time by hand'}
      noValidate
    >
      {entry && (
        <label className="field field-wide">
          <span>Item</span>
          <select value={itemId} onChange={(e) => setItemId(e.target.value)} {...invalid('item')}>
            <ItemOptions items={curriculum.items} />
          </select>
        </label>
      )}
      {message('item')}
      <label className="field">
        <span>Date</span>
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required {...invalid('start')} />
      </label>
      <label className="field">
        <span>Start</span>
        <input type="time" value={start} onChange={(e) => setStart(e.target.value)} required {...invalid('start')} />
      </label>
      {message('start')}
      <fieldset className="field field-mode">
        <legend>Length given as</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'duration'} onChange={() => setMode('duration')} />{' '}
          Duration
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'end'} onChange={() => setMode('end')} /> End time
        </label>
      </fieldset>
      {mode === 'duration' ? (
        <div className="field-pair">
          <label className="field field-narrow">
            <span>Hours</span>
            <input
              type="number"
              min={0}
              max={24}
              inputMode="numeric"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              {...invalid('length')}
            />
          </label>
          <label className="field field-narrow">
            <span>Minutes</span>
            <input
              type="number"
              min={0}
              max={59}
              inputMode="numeric"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              {...invalid('length')}
            />
          </label>
        </div>
      ) : (
        <>
          <label className="field">
            <span>End</span>
            <input type="time" value={end} onChange={(e) => setEnd(e.target.value)} {...invalid('length')} />
          </label>
          <label className="check next-day field-wide">
            <input type="checkbox" checked={nextDay} onChange={(e) => setNextDay(e.target.checked)} />
            <span>Ends the next day</span>
          </label>
        </>
      )}
      {message('length')}
      <label className="field field-wide">
        <span>Note (optional)</span>
        <textarea
          className="entry-note-input"
          rows={3}
          value={note}
          maxLength={NOTE_MAX}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={submitFromNote}
          placeholder="What did you work on?"
          {...invalid('note')}
        />
      </label>
      {message('note')}
      {errors.form && (
        <p className="form-error field-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions field-wide">
        <button type="submit" className="button button-primary" disabled={busy}>
          {entry ? 'Save changes' : 'Add entry'}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
