// Hours logged against an estimate range: the range is a band, the logged hours a bar; past the
// maximum the bar turns to the warning colour so an overrun is seen at a glance.
import { formatHours } from '../../shared/time';

interface Props {
  loggedHours: number;
  minHours: number;
  maxHours: number;
  label: string;
}

export function HoursBar({ loggedHours, minHours, maxHours, label }: Props) {
  // The scale leaves headroom past the maximum so an overrun is visible, not clipped.
  const scale = Math.max(maxHours * 1.25, loggedHours);
  const pct = (h: number) => `${(Math.min(h, scale) / scale) * 100}%`;
  const over = loggedHours > maxHours;
  const tone = over ? 'over' : loggedHours >= minHours ? 'within' : 'under';
  return (
    <div
      className={`hours-bar hours-bar-${tone}`}
      role="img"
      aria-label={`${label}: ${formatHours(loggedHours)} of ${minHours}–${maxHours} estimated hours${over ? ', over the estimate' : ''}`}
    >
      <div
        className="hours-bar-range"
        style={{ left: pct(minHours), width: `calc(${pct(maxHours)} - ${pct(minHours)})` }}
      />
      <div className="hours-bar-fill" style={{ width: pct(loggedHours) }} />
    </div>
  );
}
