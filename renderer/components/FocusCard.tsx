// Focus mode on the item screen: work intervals and breaks with a countdown; each finished work
// interval is logged on this item. The session is kept in memory (see renderer/lib/focus.tsx):
// it does not survive a restart, unlike the timer.
import { isPaused, phaseLabel, remainingMs } from '../../shared/focus';
import { itemById, type CurriculumItem } from '../../shared/curriculum';
import { useData } from '../lib/data';
import { useFocus } from '../lib/focus';
import { itemLabel } from '../lib/labels';
import { useNow } from '../lib/useNow';

/** "24:59"; "1:05:00" past an hour. */
function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export function FocusCard({ item }: { item: CurriculumItem }) {
  const { state, lengths, send } = useFocus();
  const { curriculum, timer } = useData();
  const here = state.phase !== 'idle' && state.itemId === item.id;
  const paused = isPaused(state);
  const now = useNow(here && !paused);
  const other = state.phase !== 'idle' && !here ? itemById(curriculum.items, state.itemId) : undefined;
  const minutes = (ms: number) => Math.round(ms / 60_000);

  return (
    <section className={`card focus-card${here ? ' focus-active' : ''}`} aria-labelledby="focus-title">
      <h2 id="focus-title">Focus mode</h2>
      {here ? (
        <>
          <p className="focus-phase" data-testid="focus-phase">
            {phaseLabel(state, lengths)}
            {paused && ' (paused)'}
          </p>
          <p className="timer-clock" data-testid="focus-countdown" aria-live="off">
            {formatCountdown(remainingMs(state, lengths, paused ? 0 : now))}
          </p>
          <div className="focus-actions">
            {paused ? (
              <button type="button" className="button" onClick={() => send({ type: 'resume', now: Date.now() })}>
                Resume
              </button>
            ) : (
              <button type="button" className="button" onClick={() => send({ type: 'pause', now: Date.now() })}>
                Pause
              </button>
            )}
            <button type="button" className="button" onClick={() => send({ type: 'skip', now: Date.now() })}>
              {state.phase === 'work' ? 'Skip to break' : 'Skip break'}
            </button>
            <button type="button" className="button" onClick={() => send({ type: 'stop', now: Date.now() })}>
              Stop focus
            </button>
          </div>
          <p className="timer-hint">
            Each finished work interval is logged here. A focus session ends if you close the app.
            {timer?.itemId === item.id && ' The timer also runs: stop it so the time is not counted twice.'}
          </p>
        </>
      ) : (
        <>
          <p className="focus-plan">
            {minutes(lengths.workMs)} min work, {minutes(lengths.shortBreakMs)} min breaks, a{' '}
            {minutes(lengths.longBreakMs)} min break after {lengths.roundsBeforeLongBreak} rounds.
          </p>
          <button
            type="button"
            className="button button-primary button-large"
            onClick={() => send({ type: 'start', itemId: item.id, now: Date.now() })}
          >
            Start focus
          </button>
          <p className="timer-hint">
            {other
              ? `Starting here ends the focus session on ${itemLabel(other)} and logs its work.`
              : 'Work intervals are logged on this item.'}
          </p>
        </>
      )}
    </section>
  );
}
