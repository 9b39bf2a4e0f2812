// Phases -> months -> items: where the learner stands on the 9-month plan.
import { useState } from 'react';
import type { ChannelOutput } from '../../shared/contract';
import { RoadmapChart } from '../charts/RoadmapChart';
import { RoadmapTable } from '../charts/RoadmapTable';
import { Segmented } from '../components/Segmented';
import { formatHours } from '../../shared/time';
import { HoursBar } from '../components/HoursBar';
import { InlineError, Loaded } from '../components/Loaded';
import { ProgressMeter } from '../components/ProgressMeter';
import { StatusBadge } from '../components/StatusBadge';
import { useData, useQuery, type QueryState } from '../lib/data';
import { estimateLabel, itemLabel } from '../lib/labels';
import { hrefFor } from '../lib/router';

type Overview = ChannelOutput<'progress.overview'>;

export function RoadmapScreen() {
  const overview = useQuery('progress.overview', {});
  // Asked for here, beside the overview, not when the chart's card mounts after it: one round trip
  // less before the chart can draw.
  const stats = useQuery('stats.roadmap', {});
  return (
    <Loaded query={overview} loading={<ScreenHeading />} error={(message) => <ScreenHeading error={message} />}>
      {(data) => <Roadmap overview={data} stats={stats} />}
    </Loaded>
  );
}

function Roadmap({ overview, stats }: { overview: Overview; stats: QueryState<ChannelOutput<'stats.roadmap'>> }) {
  const { curriculum } = useData();
  const { items, overall, phases } = overview;
  const byItem = new Map(items.map((i) => [i.itemId, i]));

  return (
    <div className="screen">
      <ScreenHeading />
      <section className="summary-grid" aria-label="Overall progress">
        <ProgressMeter
          label="Items done"
          value={overall.byCount}
          detail={`${overall.doneCount} of ${overall.plannedCount} planned items${overall.skippedCount ? `, ${overall.skippedCount} skipped` : ''}`}
        />
        <ProgressMeter
          label="Estimated hours done"
          value={overall.byHours}
          detail="Each item weighs the midpoint of its estimate"
        />
        <div className="stat-card">
          <span className="stat-label">Hours logged</span>
          <span className="stat-value" data-testid="total-hours">
            {formatHours(overall.loggedMinutes / 60)} h
          </span>
          <span className="stat-detail">
            of {overall.estimateMinHours}–{overall.estimateMaxHours} h estimated
          </span>
        </div>
      </section>

      <RoadmapChartCard stats={stats} />

      {curriculum.phases.map((phase) => {
        const progress = phases.find((p) => p.phase === phase.number);
        return (
          <section
            key={phase.number}
            className={`phase phase-${phase.number}`}
            aria-labelledby={`phase-${phase.number}`}
          >
            <header className="phase-header">
              <div>
                <p className="eyebrow">Phase {phase.number}</p>
                <h2 id={`phase-${phase.number}`}>{phase.title}</h2>
              </div>
              {progress && (
                <p className="phase-stats">
                  <strong>
                    {progress.doneCount}/{progress.plannedCount}
                  </strong>{' '}
                  done · {formatHours(progress.loggedMinutes / 60)} h of {progress.estimateMinHours}–
                  {progress.estimateMaxHours} h
                </p>
              )}
            </header>
            {curriculum.months
              .filter((m) => m.phase === phase.number)
              .map((month) => (
                <div key={month.number} className="month">
                  <h3 className="month-title">
                    <span className="month-number">Month {month.number}</span> {month.title}
                  </h3>
                  <ul className="item-list">
                    {curriculum.items
                      .filter((i) => i.month === month.number)
                      .map((item) => (
                        <ItemRow key={item.id} item={item} state={byItem.get(item.id)} />
                      ))}
                  </ul>
                </div>
              ))}
          </section>
        );
      })}

      <ResourcesCard resources={curriculum.resources} />
    </div>
  );
}

/**
 * The curriculum's "Additional resources": templates and toolkits to reach for while working
 * through the items. Web links open in the learner's browser (the desktop app hands every new
 * window to the system browser, http and https only).
 */
function ResourcesCard({ resources }: { resources: ReturnType<typeof useData>['curriculum']['resources'] }) {
  return (
    <section className="card resources" aria-labelledby="resources-title">
      <h2 id="resources-title">Additional resources</h2>
      <div className="resources-grid">
        {resources.map((group) => (
          <div key={group.title} className="resource-group">
            <h3 className="resource-group-title">{group.title}</h3>
            <ul>
              {group.links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} target="_blank" rel="noreferrer">
                    {link.title}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

type ChartMode = 'items' | 'phases' | 'table';

function RoadmapChartCard({ stats }: { stats: QueryState<ChannelOutput<'stats.roadmap'>> }) {
  const { curriculum } = useData();
  const [mode, setMode] = useState<ChartMode>('items');
  return (
    <section className="card chart-card" aria-labelledby="roadmap-chart-title">
      <header className="chart-card-header">
        <h2 id="roadmap-chart-title">Estimated vs actual hours</h2>
        <Segmented
          label="Show"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'items', label: 'By item' },
            { value: 'phases', label: 'By phase' },
            { value: 'table', label: 'Table' },
          ]}
        />
      </header>
      <Loaded query={stats} quiet>
        {(data) =>
          mode === 'table' ? (
            <RoadmapTable stats={data} curriculum={curriculum} />
          ) : (
            <RoadmapChart stats={data} curriculum={curriculum} view={mode} />
          )
        }
      </Loaded>
    </section>
  );
}

function ScreenHeading({ error }: { error?: string }) {
  return (
    <header className="screen-header">
      <h1 tabIndex={-1}>Roadmap</h1>
      <p className="screen-lede">Three phases, nine months, 24 exercises and projects.</p>
      {error && <InlineError message={error} />}
    </header>
  );
}

function ItemRow({
  item,
  state,
}: {
  item: ReturnType<typeof useData>['curriculum']['items'][number];
  state: Overview['items'][number] | undefined;
}) {
  const hours = (state?.minutesLogged ?? 0) / 60;
  const status = state?.status ?? 'not_started';
  return (
    <li className={`item-row item-${status}`}>
      <a className="item-row-link" href={hrefFor({ screen: 'item', itemId: item.id })}>
        <span className="item-row-id">{itemLabel(item)}</span>
        <span className="item-row-title">{item.title}</span>
      </a>
      <StatusBadge status={status} />
      <span className="item-row-hours">
        <strong>{formatHours(hours)} h</strong> <span className="muted">/ {estimateLabel(item)}</span>
      </span>
      <HoursBar
        label={itemLabel(item)}
        loggedHours={hours}
        minHours={item.estimate.minHours}
        maxHours={item.estimate.maxHours}
      />
    </li>
  );
}
