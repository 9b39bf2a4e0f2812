// Saves a value shortly after the learner stops typing, and at once when the field loses focus
// or the component goes away: there is no save button to forget.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** `save` resolves with whether the value was saved (a refusal it has already reported). */
export function useAutosave(save: (value: string) => Promise<boolean>, delayMs = 600) {
  const [state, setState] = useState<SaveState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const saveRef = useLatest(save);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    setState('saving');
    setState((await saveRef.current(value)) ? 'saved' : 'error');
  }, [saveRef]);

  const schedule = useCallback(
    (value: string) => {
      pending.current = value;
      setState('idle');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => () => void flush(), [flush]);
  return { state, schedule, flush };
}
