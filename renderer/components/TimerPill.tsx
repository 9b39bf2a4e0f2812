// The running timer, always visible in the sidebar whatever the screen.
import { formatClock } from '../../shared/time';
import { useData } from '../lib/data';
import { itemLabel } from '../lib/labels';
import { hrefFor } from '../lib/router';
import { useNow } from '../lib/useNow';
import { itemById } from '../../shared/curriculum';

export function TimerPill() {
  const { timer, curriculum, stopTimer } = useData();
  const now = useNow(timer !== null);
  if (!timer) {
    return (
      <div className="timer-pill timer-pill-idle">
        <span className="timer-pill-label">No timer running</span>
      </div>
    );
  }
  const item = itemById(curriculum.items, timer.itemId);
  return (
    <section className="timer-pill" aria-label="Running timer">
      <span className="timer-pill-dot" aria-hidden="true" />
      <a className="timer-pill-item" href={hrefFor({ screen: 'item', itemId: timer.itemId })}>
        {item ? `${itemLabel(item)}: ${item.title}` : timer.itemId}
      </a>
      <span className="timer-pill-clock" data-testid="sidebar-clock">
        {formatClock(now - timer.startedAt)}
      </span>
      <button type="button" className="button button-small" onClick={() => void stopTimer()}>
        Stop
      </button>
    </section>
  );
}
