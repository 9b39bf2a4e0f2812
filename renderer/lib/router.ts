// Hash routes: they work the same from app://companion/ and from the preview, and need no server.
import { startTransition, useEffect, useState } from 'react';
import type { PaperSize } from '../../shared/schemas/portfolio';

export type Route =
  | { screen: 'roadmap' }
  | { screen: 'item'; itemId: string }
  | { screen: 'log' }
  /** Another tracker's report, mapped to the curriculum before it is written (ImportScreen). */
  | { screen: 'import' }
  | { screen: 'insights' }
  | { screen: 'portfolio' }
  | { screen: 'milestones' }
  | { screen: 'settings' }
  /** The portfolio's print view (shared/print.ts): no app shell, one paper size. */
  | { screen: 'print'; paper: PaperSize };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, arg] = path.split('/');
  switch (head) {
    case 'item':
      return arg ? { screen: 'item', itemId: decodeURIComponent(arg) } : { screen: 'roadmap' };
    case 'log':
    case 'import':
    case 'insights':
    case 'portfolio':
    case 'milestones':
    case 'settings':
      return { screen: head };
    case 'print':
      return arg === 'A4' || arg === 'Letter' ? { screen: 'print', paper: arg } : { screen: 'portfolio' };
    default:
      return { screen: 'roadmap' };
  }
}

export const hrefFor = (route: Route) =>
  route.screen === 'item'
    ? `#/item/${encodeURIComponent(route.itemId)}`
    : route.screen === 'print'
      ? `#/print/${route.paper}`
      : `#/${route.screen}`;

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // A transition: a screen whose code is still loading (React.lazy) does not blank the one on
    // show; it replaces it once it is ready.
    const onChange = () => startTransition(() => setRoute(parseRoute(window.location.hash)));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const navigate = (route: Route) => {
  window.location.hash = hrefFor(route);
};
