// The global timer shortcut, recorded by pressing it: "Change…" listens for the next key
// combination, Escape cancels, "Turn off" clears it. The learner never types accelerator text.
import { useState, type KeyboardEvent } from 'react';
import { describeShortcut, recordShortcut } from '../../shared/accelerator';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

interface Props {
  value: string;
  /** What to show under the field when not recording: an error, "Saved" or the hint. */
  message: { text: string; error: boolean };
  onChange: (accelerator: string) => void;
}

export function ShortcutRecorder({ value, message, onChange }: Props) {
  const [recording, setRecording] = useState(false);
  const [holding, setHolding] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  // Ending a recording keeps the shortcut there was, and forgets what was refused meanwhile.
  const stop = () => (setRecording(false), setHolding(''), setRefusal(null));
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!recording) return;
    // Tab still moves on; every other key is the shortcut being recorded, not a command.
    if (event.key === 'Tab') return stop();
    event.preventDefault();
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) return stop();
    const result = recordShortcut(event, isMac);
    if (result.kind === 'holding') return setHolding(result.accelerator);
    if (result.kind === 'refused') return (setRefusal(result.message), setHolding(''));
    setRefusal(null);
    stop();
    onChange(result.accelerator);
  };

  const shown = refusal
    ? { text: refusal, error: true }
    : recording
      ? { text: 'Press the keys of the new shortcut, or Escape to keep the old one.', error: false }
      : message;
  return (
    <div className="field settings-field shortcut-field">
      <span id="globalTimerShortcut-label">Global timer shortcut</span>
      <div className="shortcut-row">
        <kbd className={`shortcut-keys${recording ? ' is-recording' : ''}`} data-testid="shortcut-keys">
          {recording
            ? holding
              ? `${describeShortcut(holding, isMac)}${isMac ? '' : '+'}…`
              : '…'
            : value
              ? describeShortcut(value, isMac)
              : 'Off'}
        </kbd>
        <button
          type="button"
          className="button"
          aria-pressed={recording}
          aria-describedby="globalTimerShortcut-help"
          onClick={() => (recording ? stop() : (setRecording(true), setRefusal(null)))}
          onKeyDown={onKeyDown}
          onBlur={stop}
        >
          {recording ? 'Recording…' : value ? 'Change…' : 'Set…'}
        </button>
        {value && !recording && (
          <button type="button" className="button" onClick={() => (setRefusal(null), onChange(''))}>
            Turn off
          </button>
        )}
      </div>
      <small
        id="globalTimerShortcut-help"
        className={shown.error ? 'field-error' : 'field-hint'}
        role={refusal ? 'alert' : undefined}
      >
        {shown.text}
      </small>
    </div>
  );
}
