// The learner's settings. Each field saves on its own when it changes (no save button to forget);
// a value the main process refuses is explained next to the field and nothing is saved.
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../shared/schemas/settings';
import { fieldError } from '../api';
import { DataSettings } from '../components/DataSettings';
import { Loaded } from '../components/Loaded';
import { ShortcutRecorder } from '../components/ShortcutRecorder';
import { SyncSettings } from '../components/SyncSettings';
import { useMutation, useQuery } from '../lib/data';

type Field = keyof Settings;

/** How long typing pauses before a field saves on its own. */
const TYPING_PAUSE_MS = 700;

export function SettingsScreen() {
  const settings = useQuery('settings.get', {});
  return (
    <div className="screen settings-screen">
      <header className="screen-header">
        <h1 tabIndex={-1}>Settings</h1>
        <p className="screen-lede">Changes are saved as you make them.</p>
      </header>
      <Loaded query={settings}>{(data) => <SettingsForm initial={data} />}</Loaded>
    </div>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const mutate = useMutation();
  const [values, setValues] = useState<Record<Field, string>>(() => toText(initial));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState<Field | null>(null);
  // Fresh settings arrive after every save (any field's). Only the fields whose stored value
  // changed take it: a field the learner is typing in keeps what they typed.
  const shown = useRef(toText(initial));
  useEffect(() => {
    const before = shown.current;
    const after = toText(initial);
    shown.current = after;
    setValues((current) => {
      const next = { ...current };
      for (const field of Object.keys(after) as Field[]) if (after[field] !== before[field]) next[field] = after[field];
      return next;
    });
  }, [initial]);

  // What each field last sent (or was loaded with): a save of the same text again is skipped.
  const sent = useRef(toText(initial));
  const save = async (field: Field, text: string, { quiet = false } = {}) => {
    cancelPending(field);
    if (text === sent.current[field]) return;
    // Each field keeps the type it has: numbers as numbers, switches as booleans.
    const kind = typeof initial[field];
    const value = kind === 'number' ? Number(text) : kind === 'boolean' ? text === 'true' : text;
    if (typeof value === 'number' && (text.trim() === '' || !Number.isFinite(value))) {
      // Half-typed ("", "-") while the learner is still typing is not worth a message yet.
      if (!quiet) setErrors((e) => ({ ...e, [field]: 'Enter a number.' }));
      return;
    }
    const saved = await mutate(
      'settings.update',
      { [field]: value },
      { onError: (e) => setErrors((prev) => ({ ...prev, [field]: fieldError(e, field) ?? e.message })) },
    );
    if (!saved) return;
    sent.current = { ...sent.current, [field]: text };
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(field);
  };

  // Typing saves after a short pause, Enter and leaving the field save at once, and so does leaving
  // the screen or closing the window: "saved as you make them" holds however the learner stops.
  const pending = useRef(new Map<Field, { timer: ReturnType<typeof setTimeout>; text: string }>());
  const cancelPending = (field: Field) => {
    const waiting = pending.current.get(field);
    if (waiting) {
      clearTimeout(waiting.timer);
      pending.current.delete(field);
    }
  };
  const saveSoon = (field: Field, text: string) => {
    cancelPending(field);
    pending.current.set(field, {
      text,
      timer: setTimeout(() => void save(field, text, { quiet: true }), TYPING_PAUSE_MS),
    });
  };
  const latestSave = useRef(save);
  latestSave.current = save;
  useEffect(() => {
    const flush = () => {
      for (const [field, { text }] of [...pending.current]) void latestSave.current(field, text, { quiet: true });
    };
    window.addEventListener('pagehide', flush);
    return () => (window.removeEventListener('pagehide', flush), flush());
  }, []);

  const input = (
    field: Field,
    label: string,
    type: string,
    hint?: string,
    extra: Record<string, string | number> = {},
  ) => (
    <label className="field settings-field">
      <span>{label}</span>
      <input
        type={type}
        value={values[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={`${field}-help`}
        onChange={(e) => {
          setValues((v) => ({ ...v, [field]: e.target.value }));
          if (type === 'date') void save(field, e.target.value);
          else saveSoon(field, e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save(field, e.currentTarget.value);
          }
        }}
        onBlur={(e) => type !== 'date' && void save(field, e.target.value)}
        {...extra}
      />
      <small id={`${field}-help`} className={errors[field] ? 'field-error' : 'field-hint'}>
        {errors[field] ?? (saved === field ? 'Saved' : (hint ?? ''))}
      </small>
    </label>
  );

  /** A switch saves at once; its value travels as "true"/"false" text like every other field. */
  const checkbox = (field: Field, label: string) => (
    <label className="check settings-check">
      <input
        type="checkbox"
        checked={values[field] === 'true'}
        aria-describedby={`${field}-help`}
        onChange={(e) => {
          const text = String(e.target.checked);
          setValues((v) => ({ ...v, [field]: text }));
          void save(field, text);
        }}
      />
      <span>
        {label}{' '}
        <small id={`${field}-help`} className={errors[field] ? 'field-error' : 'field-hint'}>
          {errors[field] ?? (saved === field ? 'Saved' : '')}
        </small>
      </span>
    </label>
  );

  return (
    <div className="settings-sections">
      <section className="card settings-section" aria-labelledby="settings-you">
        <h2 id="settings-you">You</h2>
        {input('learnerName', 'Your name', 'text', 'Shown on the cover of your portfolio.', {
          maxLength: 80,
          autoComplete: 'name',
        })}
      </section>
      <section className="card settings-section" aria-labelledby="settings-plan">
        <h2 id="settings-plan">Plan</h2>
        <div className="settings-grid">
          {input('planStartDate', 'Plan start date', 'date', 'Month 1 of the roadmap starts here.')}
          {input('targetDate', 'Target date', 'date', 'When you want to be done.')}
          {input('weeklyGoalHours', 'Weekly goal (hours)', 'number', 'Drawn on the hours-per-week chart.', {
            min: 0.5,
            max: 80,
            step: 0.5,
          })}
          {input(
            'streakMinMinutes',
            'Streak minimum (minutes)',
            'number',
            'A day counts for your streak from this much study.',
            { min: 1, max: 600, step: 1 },
          )}
        </div>
      </section>
      <section className="card settings-section" aria-labelledby="settings-look">
        <h2 id="settings-look">Appearance</h2>
        <label className="field settings-field">
          <span>Theme</span>
          <select
            value={values.theme}
            onChange={(e) => {
              setValues((v) => ({ ...v, theme: e.target.value }));
              void save('theme', e.target.value);
            }}
          >
            <option value="system">Same as the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </section>
      <section className="card settings-section" aria-labelledby="settings-desktop">
        <h2 id="settings-desktop">Timer and reminders</h2>
        <div className="settings-grid">
          {input(
            'idleMinutes',
            'Ask about idle time after (minutes)',
            'number',
            'Away this long while the timer runs, and the app asks whether to keep that time.',
            { min: 1, max: 240, step: 1 },
          )}
          <ShortcutRecorder
            value={values.globalTimerShortcut}
            message={{
              text:
                errors.globalTimerShortcut ??
                (saved === 'globalTimerShortcut' ? 'Saved' : 'Starts or stops the timer from any app.'),
              error: Boolean(errors.globalTimerShortcut),
            }}
            onChange={(accelerator) => {
              setValues((v) => ({ ...v, globalTimerShortcut: accelerator }));
              void save('globalTimerShortcut', accelerator);
            }}
          />
          {input('studyReminderTime', 'Study reminder time', 'time', 'When to remind you on a day with no study yet.')}
        </div>
        {checkbox('studyReminderEnabled', 'Remind me on days I have not studied yet')}
        {checkbox('overEstimateReminderEnabled', 'Tell me when an item passes its maximum estimate')}
      </section>
      <section className="card settings-section" aria-labelledby="settings-focus">
        <h2 id="settings-focus">Focus mode</h2>
        <div className="settings-grid">
          {input('focusWorkMinutes', 'Work interval (minutes)', 'number', 'Each finished work interval is logged.', {
            min: 1,
            max: 180,
            step: 1,
          })}
          {input('focusShortBreakMinutes', 'Short break (minutes)', 'number', undefined, { min: 1, max: 60, step: 1 })}
          {input('focusLongBreakMinutes', 'Long break (minutes)', 'number', undefined, { min: 1, max: 120, step: 1 })}
          {input('focusRoundsBeforeLongBreak', 'Work rounds before a long break', 'number', undefined, {
            min: 1,
            max: 12,
            step: 1,
          })}
        </div>
      </section>
      <section className="card settings-section" aria-labelledby="settings-keep">
        <h2 id="settings-keep">Your data</h2>
        {input('backupsToKeep', 'Backups to keep', 'number', 'Older backups are deleted when a new one is made.', {
          min: 1,
          max: 100,
          step: 1,
        })}
      </section>
      <SyncSettings />
      <DataSettings />
    </div>
  );
}

function toText(s: Settings): Record<Field, string> {
  return Object.fromEntries(Object.entries(s).map(([key, value]) => [key, String(value)])) as Record<Field, string>;
}
