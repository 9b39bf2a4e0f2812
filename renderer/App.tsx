import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Curriculum } from '../shared/curriculum';
import { call } from './api';
import { TimerPill } from './components/TimerPill';
import { ScreenErrorBoundary } from './components/ScreenErrorBoundary';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { DataProvider, prefetch, useData, useQuery } from './lib/data';
import { FocusProvider } from './lib/focus';
import { loadPrintView, PdfExportProvider, type PrintModule } from './print/PdfExport';
import { useShortcuts, type ShortcutAction } from './lib/shortcuts';
import { onAppCommand } from './lib/commands';
import { NoticeArea, NoticeProvider, useNotices } from './lib/notices';
import { hrefFor, navigate, useRoute, type Route } from './lib/router';
import { PRINT_READY_ATTRIBUTE } from '../shared/print';
import { RoadmapScreen } from './screens/RoadmapScreen';

// The Roadmap is the first screen: it (and recharts, for its chart) is in the bundle that loads
// before the first paint. Every other screen is its own chunk, fetched when first opened
// (`npm run bench` checks the first bundle's size). Navigation is a transition (lib/router), so the
// screen on show stays until the next one has loaded.
const ImportScreen = lazy(() => import('./screens/ImportScreen').then((m) => ({ default: m.ImportScreen })));
const InsightsScreen = lazy(() => import('./screens/InsightsScreen').then((m) => ({ default: m.InsightsScreen })));
const ItemScreen = lazy(() => import('./screens/ItemScreen').then((m) => ({ default: m.ItemScreen })));
const MilestonesScreen = lazy(() =>
  import('./screens/MilestonesScreen').then((m) => ({ default: m.MilestonesScreen })),
);
const PortfolioScreen = lazy(() => import('./screens/PortfolioScreen').then((m) => ({ default: m.PortfolioScreen })));
const SettingsScreen = lazy(() => import('./screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const TimeLogScreen = lazy(() => import('./screens/TimeLogScreen').then((m) => ({ default: m.TimeLogScreen })));

/** The queries of the Roadmap screen (and the shell's settings) and of the print view, prefetched at start. */
const ROADMAP_QUERIES = ['settings.get', 'progress.overview', 'stats.roadmap'] as const;
const PRINT_QUERIES = [
  'settings.get',
  'progress.overview',
  'stats.roadmap',
  'portfolio.list',
  'milestones.get',
] as const;

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
  // Only the screen the page opened on is prefetched for: later screens ask for their own data.
  const [openedOn] = useState(route.screen);
  useEffect(() => {
    call('curriculum.get').then(setCurriculum, (e: Error) => setFailure(e.message));
    // What the first screen reads, asked for beside the curriculum (lib/data's useQuery takes it).
    if (openedOn === 'print') for (const channel of PRINT_QUERIES) prefetch(channel, {});
    else if (openedOn === 'roadmap') for (const channel of ROADMAP_QUERIES) prefetch(channel, {});
  }, [openedOn]);
  const printing = route.screen === 'print';
  // The print view's code is fetched alongside the curriculum, not after it, and rendered without
  // Suspense, whose reveal React holds back for up to 300 ms: the PDF printers wait on this page.
  const [printView, setPrintView] = useState<PrintModule | null>(null);
  useEffect(() => {
    if (printing && !printView) loadPrintView().then(setPrintView, (e: Error) => setFailure(e.message));
  }, [printing, printView]);
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
        {route.screen === 'print' ? (
          printView ? (
            <printView.PrintPortfolio paper={route.paper} />
          ) : (
            <main className="boot-loading" aria-busy="true" />
          )
        ) : (
          <FocusProvider>
            <PdfExportProvider>
              <Shell />
            </PdfExportProvider>
          </FocusProvider>
        )}
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
  // A screen reached from another lights that one in the sidebar.
  const active = route.screen === 'item' ? 'roadmap' : route.screen === 'import' ? 'log' : route.screen;
  const screenKey = route.screen === 'item' ? `item/${route.itemId}` : route.screen;

  const { timer, startTimer, stopTimer } = useData();
  const [helpOpen, setHelpOpen] = useState(false);
  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      switch (action.type) {
        case 'go':
          navigate(action.route);
          return;
        case 'help':
          setHelpOpen(true);
          return;
        case 'timer':
          // On an item: start or stop its timer. Elsewhere: stop the running timer, if any.
          if (route.screen === 'item' && timer?.itemId !== route.itemId) void startTimer(route.itemId);
          else if (timer) void stopTimer();
          return;
        case 'manualEntry':
          document.querySelector<HTMLElement>('form[aria-label="Add time by hand"] input')?.focus();
          return;
      }
    },
    [route, timer, startTimer, stopTimer],
  );
  useShortcuts(onShortcut, !helpOpen);
  const notices = useNotices();
  // The desktop menu's commands that the shell itself answers.
  useEffect(() => {
    const offHelp = onAppCommand('help:shortcuts', () => setHelpOpen(true));
    const offEntry = onAppCommand('entry:new', () => {
      const field = document.querySelector<HTMLElement>('form[aria-label="Add time by hand"] input');
      if (field) field.focus();
      else notices.info('Open an item on the roadmap to add time by hand.');
    });
    return () => (offHelp(), offEntry());
  }, [notices]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#content"
        onClick={(e) => (e.preventDefault(), document.getElementById('content')?.focus())}
      >
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
                <a
                  href={hrefFor(target)}
                  className="nav-link"
                  aria-current={active === target.screen ? 'page' : undefined}
                >
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <NoticeArea />
        <TimerPill />
        <button
          type="button"
          className="button button-small shortcuts-button"
          onClick={() => setHelpOpen(true)}
          aria-keyshortcuts="Shift+?"
        >
          Keyboard shortcuts
        </button>
      </aside>
      {helpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
      <main className="content" id="content" tabIndex={-1}>
        <ScreenErrorBoundary key={screenKey}>
          <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
            <Screen route={route} />
            <ScreenFocus key={screenKey} />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
    </div>
  );
}

/**
 * Each screen starts at the top, and keyboard users land on its heading. It mounts (again, through
 * its key) with each new screen, in the same Suspense boundary, so it runs once a screen loaded
 * on demand is really there.
 */
function ScreenFocus() {
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
    document.querySelector('.content')?.scrollTo({ top: 0 });
  }, []);
  return null;
}

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'roadmap':
      return <RoadmapScreen />;
    case 'item':
      return <ItemScreen itemId={route.itemId} />;
    case 'log':
      return <TimeLogScreen />;
    case 'import':
      return <ImportScreen />;
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
