import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `active`: drives the ticking timer. */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    // Becoming active (a timer starting) must show the time at once, not one interval later.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- that one extra render is the point
    setNow(Date.now());
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [active, intervalMs]);
  return now;
}
