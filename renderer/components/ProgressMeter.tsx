// A labelled progress bar for overall and per-phase completion.
export function ProgressMeter({ value, label, detail }: { value: number; label: string; detail: string }) {
  const pct = Math.round(value * 100);
  return (
    <div className="meter">
      <div className="meter-head">
        <span className="meter-label">{label}</span>
        <span className="meter-value">{pct}%</span>
      </div>
      <div
        className="meter-track"
        role="progressbar"
        aria-label={label}
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="meter-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="meter-detail">{detail}</div>
    </div>
  );
}
