// Opening the browser version in the learner's own browser, where there is one to open.
import { spawn } from 'node:child_process';

/** The command that opens `url` in the default browser, or null where none can (a server, no display). */
export function browserCommand(
  url: string,
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): { command: string; args: string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** Opens `url` if this machine can; never fails the caller (the address is printed anyway). */
export function openInBrowser(url: string, platform = process.platform, env = process.env): boolean {
  const how = browserCommand(url, platform, env);
  if (!how) return false;
  try {
    const child = spawn(how.command, how.args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
