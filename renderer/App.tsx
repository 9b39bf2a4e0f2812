import { useEffect, useState } from 'react';
import type { Curriculum } from '../shared/curriculum';
import { call } from './api';
import { TimerPill } from './components/TimerPill';
import { DataProvider, useQuery } from './lib/data';
import { NoticeProvider } from './lib/notices';
import { hrefFor, useRoute, type Route } from './lib/router';
import { PrintPortfolio } from './print/PrintPortfolio';
import { PRINT_READY_ATTRIBUTE } from '../shared/print';
import { InsightsScreen } from './screens/InsightsScreen';
import { ItemScreen } from './screens/ItemScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { MilestonesScreen } from './screens/MilestonesScreen';
import { PortfolioScreen } from './screens/PortfolioScreen';
import { RoadmapScreen } from './screens/RoadmapScreen';
import { TimeLogScreen } from './screens/TimeLogScreen';

const navigation: { route: Route; label: string }[] = [
  { route: { screen: 'roadmap' }, label: 'Roadmap' },
  { route: { screen: 'log' }, label: 'Time log' },
  { route: { screen: 'insights' }, label: 'Insights' },
  { route: { screen: 'portfolio' }, label: 'Portfolio' },
  { route: { screen: 'milestones' }, label: 'Milestones' },
  { route: { screen: 'settings' }, label: 'Settings' },
];

export function App() {
  const route = useRoute();
  const [curriculum, setCurriculum] = useState<Curriculum | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    call('curriculum.get').then(setCurriculum, (e: Error) => setFailure(e.message));
  }, []);
  const printing = route.screen === 'print';
  useEffect(() => {
    // The PDF printer waits for this attribute: tell it at once that nothing will come.
    if (failure && printing) document.documentElement.setAttribute(PRINT_READY_ATTRIBUTE, 'error');
  }, [failure, printing]);

  if (failure) {
    return (
      <main className="boot-failure" role="alert">
        <h1>The study companion could not load its data</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!curriculum) return <main className="boot-loading" aria-busy="true" />;
  return (
    <NoticeProvider>
      <DataProvider curriculum={curriculum}>
        {/* The portfolio's print view stands alone: no sidebar, no app theme, just the pages. */}
        {route.screen === 'print' ? <PrintPortfolio paper={route.paper} /> : <Shell />}
      </DataProvider>
    </NoticeProvider>
  );
}

function Shell() {
  const route = useRoute();
  const settings = useQuery('settings.get', {});
  const theme = settings.status === 'ready' ? settings.data.theme : 'system';
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  const active = route.screen === 'item' ? 'roadmap' : route.screen;
  useEffect(() => {
    // Each screen starts at the top, and keyboard users land on its heading.
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    document.querySelector('.content')?.scrollTo({ top: 0 });
  }, [route.screen, route.screen === 'item' ? route.itemId : '']);

  return (
    <div className="shell">
      <a className="skip-link" href="#content" onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}>
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>
            MLOps Study
            <br />
            Companion
          </span>
        </div>
        <nav aria-label="Main">
          <ul>
            {navigation.map(({ route: target, label }) => (
              <li key={label}>
                <a href={hrefFor(target)} className="nav-link" aria-current={active === target.screen ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <TimerPill />
      </aside>
      <main className="content" id="content" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'roadmap':
      return <RoadmapScreen />;
    case 'item':
      return <ItemScreen itemId={route.itemId} />;
    case 'log':
      return <TimeLogScreen />;
    case 'insights':
      return <InsightsScreen />;
    case 'portfolio':
      return <PortfolioScreen />;
    case 'milestones':
      return <MilestonesScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
