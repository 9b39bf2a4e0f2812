// The tray icon: a pure model of its tooltip, title and menu (tested without Electron), and a small
// factory that turns the model into a real Tray and rebuilds it every 30 s and after timer changes.
import type { MenuItemConstructorOptions } from 'electron';
import type { RunningTimer } from '../../shared/schemas/timer';
import { itemById } from '../../shared/curriculum';

export type TrayAction = { type: 'start'; itemId: string } | { type: 'stop' } | { type: 'open' } | { type: 'quit' };
export interface TrayMenuItem {
  label: string;
  enabled?: boolean;
  action?: TrayAction;
  submenu?: TrayMenuItem[];
  separator?: boolean;
}
export interface TrayModel {
  tooltip: string;
  /** Shown beside the icon in the macOS menu bar: the elapsed time while a timer runs, else empty. */
  title: string;
  items: TrayMenuItem[];
}

interface ItemInfo {
  id: string;
  title: string;
}

/** "0:42", "12:05": hours and minutes of a span in ms. */
export function formatElapsed(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The last `count` distinct item ids of entries given newest first. */
export function recentItemIds(entries: readonly { itemId: string }[], count = 5): string[] {
  const ids: string[] = [];
  for (const { itemId } of entries) {
    if (!ids.includes(itemId)) ids.push(itemId);
    if (ids.length === count) break;
  }
  return ids;
}

export function trayModel({
  appName,
  timer,
  curriculum,
  now,
  recentItems,
}: {
  appName: string;
  timer: RunningTimer | null;
  curriculum: { items: readonly ItemInfo[] };
  now: number;
  /** Item ids, most recent first (recentItemIds). */
  recentItems: readonly string[];
}): TrayModel {
  const name = (id: string) => {
    const item = itemById(curriculum.items, id);
    return item ? `${item.id} ${item.title}` : id;
  };
  const recent = recentItems.filter((id) => curriculum.items.some((i) => i.id === id)).slice(0, 5);
  const items: TrayMenuItem[] = [];
  let tooltip: string;
  let title = '';
  if (timer) {
    const elapsed = formatElapsed(now - timer.startedAt);
    title = elapsed;
    tooltip = `${appName}: ${name(timer.itemId)}, ${elapsed}`;
    items.push({ label: `Running: ${name(timer.itemId)} (${elapsed})`, enabled: false });
    items.push({ label: 'Stop timer', action: { type: 'stop' } });
  } else {
    tooltip = `${appName}: no timer running`;
    items.push({ label: 'No timer running', enabled: false });
    if (recent[0])
      items.push({ label: `Start timer: ${name(recent[0])}`, action: { type: 'start', itemId: recent[0] } });
  }
  items.push({
    label: 'Recent items',
    enabled: recent.length > 0,
    submenu: recent.map((id) => ({
      label: name(id),
      enabled: timer?.itemId !== id,
      action: { type: 'start', itemId: id },
    })),
  });
  items.push({ label: '', separator: true });
  items.push({ label: 'Open window', action: { type: 'open' } });
  items.push({ label: 'Quit', action: { type: 'quit' } });
  return { tooltip, title, items };
}

export function toMenuTemplate(
  items: readonly TrayMenuItem[],
  run: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.separator) return { type: 'separator' };
    const action = item.action;
    return {
      label: item.label,
      enabled: item.enabled ?? true,
      ...(item.submenu ? { submenu: toMenuTemplate(item.submenu, run) } : {}),
      ...(action ? { click: () => run(action) } : {}),
    };
  });
}

// ---- Wiring -----------------------------------------------------------------------------------

export interface TrayLike {
  setToolTip(text: string): void;
  setTitle?(title: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
  isDestroyed?(): boolean;
}

export interface TrayDeps {
  createTray: () => TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => unknown;
  platform: NodeJS.Platform;
  /** Everything the model needs, read fresh on each rebuild. */
  read: () => Parameters<typeof trayModel>[0];
  run: (action: TrayAction) => void;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  refreshMs?: number;
}

export interface TrayHandle {
  tray: TrayLike;
  /** What the tray shows now (Electron can't read a tray's tooltip back; the _electron tests read this). */
  model(): TrayModel | null;
  refresh(): void;
  dispose(): void;
}

export function createTray(deps: TrayDeps): TrayHandle {
  const tray = deps.createTray();
  let current: TrayModel | null = null;
  const refresh = () => {
    if (tray.isDestroyed?.()) return;
    const model = (current = trayModel(deps.read()));
    tray.setToolTip(model.tooltip);
    if (deps.platform === 'darwin') tray.setTitle?.(model.title);
    tray.setContextMenu(deps.buildMenu(toMenuTemplate(model.items, deps.run)));
  };
  // Linux trays often show only the menu; elsewhere a click opens the window.
  tray.on('click', () => deps.run({ type: 'open' }));
  refresh();
  const every = deps.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  const handle = every(refresh, deps.refreshMs ?? 30_000);
  (handle as { unref?: () => void })?.unref?.();
  return {
    tray,
    model: () => current,
    refresh,
    dispose: () => {
      stop(handle);
      if (!tray.isDestroyed?.()) tray.destroy();
    },
  };
}
