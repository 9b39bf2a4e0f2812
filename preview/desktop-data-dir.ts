// Where the desktop app keeps its data, computed without Electron: the browser version that
// `npm start` serves where Electron cannot run must open the learner's real logbook, not a copy.
// Electron's rule: app.getPath('userData') is the OS's app-data folder plus the app's name (its
// package.json productName), and main lets COMPANION_DATA_DIR override it.
import path from 'node:path';

const APP_DATA_NAME = 'MLOps Study Companion';

export interface DataDirInputs {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

export function desktopDataDir({ platform, env, home }: DataDirInputs): string {
  if (env.COMPANION_DATA_DIR) return path.resolve(env.COMPANION_DATA_DIR);
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DATA_NAME);
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DATA_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DATA_NAME);
}
