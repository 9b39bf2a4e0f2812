// The print document's data: five queries, ready together, or the first that failed, named.
import type { ChannelOutput } from '../../shared/contract';
import type { RoadmapStats } from '../../shared/schemas/stats';
import type { PortfolioEntry } from '../../shared/schemas/portfolio';
import type { Settings } from '../../shared/schemas/settings';
import { useQuery, type QueryState } from '../lib/data';

export type Overview = ChannelOutput<'progress.overview'>;
export type MilestoneData = ChannelOutput<'milestones.get'>;

export interface PrintData {
  settings: Settings;
  overview: Overview;
  roadmap: RoadmapStats;
  entries: PortfolioEntry[];
  milestones: MilestoneData;
}

/** Everything the document prints, once all of it has loaded; or why it could not be loaded. */
export function usePrintData(): { data: PrintData | null; failureMessage: string | null } {
  const settings = useQuery('settings.get', {});
  const overview = useQuery('progress.overview', {});
  const roadmap = useQuery('stats.roadmap', {});
  const portfolio = useQuery('portfolio.list', {});
  const milestones = useQuery('milestones.get', {});
  const queries: [string, QueryState<unknown>][] = [
    ['settings', settings],
    ['progress', overview],
    ['roadmap', roadmap],
    ['portfolio entries', portfolio],
    ['milestones', milestones],
  ];
  const failure = queries.find(([, q]) => q.status === 'error');
  const failureMessage =
    failure && failure[1].status === 'error' ? `The ${failure[0]} could not be loaded: ${failure[1].message}` : null;
  const data: PrintData | null =
    settings.status === 'ready' &&
    overview.status === 'ready' &&
    roadmap.status === 'ready' &&
    portfolio.status === 'ready' &&
    milestones.status === 'ready'
      ? {
          settings: settings.data,
          overview: overview.data,
          roadmap: roadmap.data,
          entries: portfolio.data.entries,
          milestones: milestones.data,
        }
      : null;
  return { data, failureMessage };
}
