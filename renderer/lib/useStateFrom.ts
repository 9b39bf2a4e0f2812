// Local state that starts from a saved value and starts again when a new saved value arrives: ticks
// and a status show the learner's click at once, and the saved answer replaces them when it comes
// back (or puts them back after a refusal). This is React's "adjusting state when a prop changes":
// set during render, so the screen never shows the old value for one frame, as an effect would.
import { useState, type Dispatch, type SetStateAction } from 'react';

export function useStateFrom<S, T>(source: S, derive: (source: S) => T): [T, Dispatch<SetStateAction<T>>] {
  const [seen, setSeen] = useState(source);
  const [value, setValue] = useState(() => derive(source));
  if (!Object.is(seen, source)) {
    setSeen(source);
    setValue(derive(source));
  }
  return [value, setValue];
}
