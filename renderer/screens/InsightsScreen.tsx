// How the learner is doing: burn-up, weekly hours against the goal, the calendar, streaks, how
// their hours compare with the estimates, and when they will finish. Every number is computed in
// the main process (stats.insights); this screen only draws.
import type { Insights } from '../../shared/schemas/stats';
import { formatHours } from '../../shared/time';
import { BurnUpChart } from '../charts/BurnUpChart';
import { Heatmap } from '../charts/Heatmap';
import { WeeklyChart } from '../charts/WeeklyChart';
import { Loaded } from '../components/Loaded';
import { useData, useQuery } from '../lib/data';
import { formatLocalDate } from '../lib/dates';
import { itemLabel } from '../lib/labels';
import { itemById } from '../../shared/curriculum';

const ratioText = (ratio: number | null) => (ratio === null ? '–' : `${ratio.toFixed(2)}×`);

export function InsightsScreen() {
  const insights = useQuery('stats.insights', {});
  return (
    <div className="screen">
      <header className="screen-header">
        <h1 tabIndex={-1}>Insights</h1>
        <p className="screen-lede">Your pace against the plan, your study rhythm, and an honest finish date.</p>
      </header>
      <Loaded query={insights}>{(data) => <InsightsBody data={data} />}</Loaded>
    </div>
  );
}

function InsightsBody({ data }: { data: Insights }) {
  const { streak } = data;
  const thisWeek = data.weekly[data.weekly.length - 1];
  return (
    <>
      <section className="summary-grid summary-grid-4" aria-label="At a glance">
        <Stat
          label="Current streak"
          value={`${streak.current} ${streak.current === 1 ? 'day' : 'days'}`}
          detail={streak.todayCounts ? 'Today counts already' : `Study ${data.streakMinMinutes} min today to extend it`}
          testId="streak-current"
        />
        <Stat
          label="Longest streak"
          value={`${streak.longest} ${streak.longest === 1 ? 'day' : 'days'}`}
          detail={`A day counts with ${data.streakMinMinutes}+ minutes`}
          testId="streak-longest"
        />
        <Stat
          label="This week"
          value={`${formatHours(thisWeek?.hours ?? 0)} h`}
          detail={`Goal ${formatHours(data.weeklyGoalHours)} h a week`}
        />
        <Stat label="Projected finish" value={finishValue(data)} detail={finishDetail(data)} testId="finish-p50" />
      </section>

      <section className="card chart-card" aria-labelledby="burnup-title">
        <header className="chart-card-header">
          <h2 id="burnup-title">Burn-up: planned vs logged hours</h2>
          <span className="muted">
            Plan {formatLocalDate(data.burnUp.planStartDate)} – {formatLocalDate(data.burnUp.planEndDate)}
          </span>
        </header>
        <BurnUpChart burnUp={data.burnUp} today={data.today} />
      </section>

      <div className="two-columns">
        <section className="card chart-card" aria-labelledby="weekly-title">
          <h2 id="weekly-title">Hours per week</h2>
          <WeeklyChart weekly={data.weekly} goalHours={data.weeklyGoalHours} />
        </section>
        <ForecastCard data={data} />
      </div>

      <section className="card chart-card" aria-labelledby="heatmap-title">
        <h2 id="heatmap-title">Study calendar</h2>
        <Heatmap heatmap={data.heatmap} minMinutes={data.streakMinMinutes} />
      </section>

      <CalibrationCard data={data} />
    </>
  );
}

function Stat({ label, value, detail, testId }: { label: string; value: string; detail: string; testId?: string }) {
  return (
    <div className="stat-card">
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      <span className="stat-detail">{detail}</span>
    </div>
  );
}

/** The finish date, or why there is none yet. */
function finishValue({ forecast }: Insights): string {
  if (!forecast.enoughHistory && forecast.finishP50 === null) return 'Too early';
  return forecast.finishP50 ? formatLocalDate(forecast.finishP50) : 'Not yet';
}

function finishDetail({ forecast, burnUp }: Insights): string {
  if (forecast.finishP50) return `80% sure by ${formatLocalDate(forecast.finishP80 ?? forecast.finishP50)}`;
  if (!forecast.enoughHistory) {
    return forecast.forecastFrom
      ? `A date from ${formatLocalDate(forecast.forecastFrom)}, after 4 weeks of study`
      : 'A date after 4 weeks of study';
  }
  return `No study in the last 4 weeks; your plan ends ${formatLocalDate(burnUp.planEndDate)}`;
}

function ForecastCard({ data }: { data: Insights }) {
  const { forecast } = data;
  const { curriculum } = useData();
  return (
    <section className="card forecast" aria-labelledby="forecast-title" data-testid="forecast">
      <h2 id="forecast-title">Forecast</h2>
      {!forecast.enoughHistory && (
        <p className="forecast-basis" data-testid="forecast-too-early">
          {forecast.forecastFrom
            ? `Too early for a finish date: your pace is measured over 4 weeks of study, so a date comes on ${formatLocalDate(forecast.forecastFrom)}. Until then, here is what your plan asks.`
            : 'No finish date yet: log some study, and after 4 weeks of it your pace gives one. Until then, here is what your plan asks.'}
        </p>
      )}
      <p className="forecast-basis">
        {forecast.basis === 'calibrated'
          ? `Remaining estimates scaled by your own pace on finished items: ${ratioText(forecast.ratioP50)} typical, ${ratioText(forecast.ratioP80)} on a slow run.`
          : 'Remaining hours are the curriculum’s estimates; once you finish two items with logged time, they follow your own pace.'}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">Remaining hours per phase</caption>
        <thead>
          <tr>
            <th scope="col">Remaining</th>
            <th scope="col" className="num">
              Likely (P50)
            </th>
            <th scope="col" className="num">
              Cautious (P80)
            </th>
          </tr>
        </thead>
        <tbody>
          {forecast.phases.map((p) => (
            <tr key={p.phase}>
              <th scope="row" title={curriculum.phases.find((c) => c.number === p.phase)?.title}>
                Phase {p.phase}
              </th>
              <td className="num">{formatHours(p.p50Hours)} h</td>
              <td className="num">{formatHours(p.p80Hours)} h</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="row-total">
            <th scope="row">All</th>
            <td className="num" data-testid="remaining-p50">
              {formatHours(forecast.overall.p50Hours)} h
            </td>
            <td className="num">{formatHours(forecast.overall.p80Hours)} h</td>
          </tr>
        </tfoot>
      </table>
      <dl className="forecast-facts">
        {forecast.enoughHistory ? (
          <>
            <div>
              <dt>Recent pace</dt>
              <dd data-testid="pace">{formatHours(forecast.paceHoursPerWeek)} h a week (last 4 weeks)</dd>
            </div>
            <div>
              <dt>Finish at that pace</dt>
              <dd>
                {forecast.finishP50
                  ? `${formatLocalDate(forecast.finishP50)} likely, ${formatLocalDate(forecast.finishP80 ?? forecast.finishP50)} cautious`
                  : 'No date while the recent pace is zero'}
              </dd>
            </div>
          </>
        ) : (
          <div>
            <dt>Your plan</dt>
            <dd data-testid="plan-dates">
              {formatLocalDate(data.burnUp.planStartDate)} – {formatLocalDate(data.burnUp.planEndDate)}
            </dd>
          </div>
        )}
        <div>
          <dt>To finish by {formatLocalDate(data.burnUp.targetDate)}</dt>
          <dd data-testid="needed-per-week">
            {forecast.neededHoursPerWeek === null
              ? 'The target date has passed: set a new one in Settings'
              : `${formatHours(forecast.neededHoursPerWeek)} h a week from now on`}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function CalibrationCard({ data }: { data: Insights }) {
  const { curriculum } = useData();
  const { calibration } = data;
  return (
    <section className="card" aria-labelledby="calibration-title" data-testid="calibration">
      <h2 id="calibration-title">Estimate calibration</h2>
      <p className="muted calibration-lede">
        Logged hours divided by the estimate's midpoint, for finished items. Above 1× you take longer than the
        curriculum expects.
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Scope</th>
            <th scope="col" className="num">
              Median ratio
            </th>
            <th scope="col" className="num">
              Based on
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="row-subtotal">
            <th scope="row">All finished items</th>
            <td className="num" data-testid="calibration-overall">
              {ratioText(calibration.overall.median)}
            </td>
            <td className="num">{countText(calibration.overall.count)}</td>
          </tr>
          {calibration.phases.map((p) => (
            <tr key={p.phase}>
              <th scope="row">
                Phase {p.phase}: {curriculum.phases.find((c) => c.number === p.phase)?.title}
              </th>
              <td className="num">{ratioText(p.median)}</td>
              <td className="num">{countText(p.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {calibration.items.length > 0 && (
        <ul className="ratio-list">
          {calibration.items.map((r) => {
            const item = itemById(curriculum.items, r.itemId)!;
            return (
              <li key={r.itemId} className={r.ratio > 1 ? 'ratio-over' : undefined}>
                <span>{itemLabel(item)}</span> <strong>{ratioText(r.ratio)}</strong>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

const countText = (n: number) => (n === 1 ? '1 item' : `${n} items`);
