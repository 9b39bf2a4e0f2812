// What `npm start` does, as a function of what it finds, with every effect passed in (start.mjs
// wires the real ones; test/unit/start-plan.test.ts stands them in):
//   1. build the renderer and the main process (quietly; the output is shown only if it fails);
//   2. the desktop app: Electron 45 fetches its binary on first use, not at install, so a missing
//      binary is downloaded now (one line says so), then the database module is built for
//      Electron's ABI once, then Electron starts;
//   3. where the desktop app cannot run (the download fails, no display, the module cannot be
//      built, or --browser), the same app is served in the browser on the learner's real data,
//      and one sentence says why and where.

/** @typedef {{ ok: true } | { ok: false, reason: string }} StepResult */

/**
 * @typedef {object} StartIo
 * @property {readonly string[]} argv
 * @property {NodeJS.Platform} platform
 * @property {Record<string, string | undefined>} env
 * @property {string} electronVersion
 * @property {() => Promise<{ ok: true } | { ok: false, output: string }>} build
 * @property {() => { installed: true, binary: string } | { installed: false, missing: string }} electronStatus
 * @property {() => Promise<StepResult>} downloadElectron
 * @property {() => boolean} nativeUpToDate
 * @property {() => Promise<StepResult>} buildNative
 * @property {(binary: string) => Promise<number>} launchElectron resolves with Electron's exit code
 * @property {(reason: string) => Promise<number>} serveInBrowser resolves with the server's exit code
 * @property {(line: string) => void} say
 * @property {(line: string) => void} complain
 * @property {() => number} now
 */

/** Short, plain words for why a download failed, from the installer's error output. */
export function downloadFailureReason(output) {
  const text = String(output ?? '');
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up/i.test(
      text,
    )
  ) {
    return 'no connection to its download server';
  }
  if (/checksum|sha256/i.test(text)) return 'the download was damaged: its checksum did not match';
  if (/EACCES|EPERM/.test(text)) return 'no permission to write into node_modules/electron';
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  return line ? line.replace(/^\w*Error:\s*/, '').slice(0, 160) : 'the installer gave no reason';
}

const seconds = (ms) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** Why the desktop app cannot start here, or null when it can try. */
export function desktopUnavailable({ argv, platform, env }) {
  if (argv.includes('--browser')) return 'You asked for the browser version';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return 'There is no display here to open a window on';
  return null;
}

/** @param {StartIo} io @returns {Promise<number>} the exit code */
export async function startApp(io) {
  const built = await io.build();
  if (!built.ok) {
    io.complain(`The app could not be built, so it cannot start:\n${built.output.trim()}`);
    return 1;
  }

  let reason = desktopUnavailable(io);
  let status = null;
  if (!reason) {
    status = io.electronStatus();
    if (!status.installed) {
      io.say(`Downloading Electron ${io.electronVersion} for this computer (first start only, about 100 MB)…`);
      const started = io.now();
      const download = await io.downloadElectron();
      status = io.electronStatus();
      if (download.ok && status.installed)
        io.say(`Electron ${io.electronVersion} downloaded in ${seconds(io.now() - started)}.`);
      else
        reason = `Electron ${io.electronVersion} could not be downloaded (${download.ok ? `${status.missing} is still missing` : download.reason})`;
    }
  }
  if (!reason && !io.nativeUpToDate()) {
    io.say(`Building the database module for Electron ${io.electronVersion} (first start only, about a minute)…`);
    const native = await io.buildNative();
    if (!native.ok) reason = `The database module could not be built for Electron (${native.reason})`;
  }
  if (!reason && status?.installed) return io.launchElectron(status.binary);
  return io.serveInBrowser(reason ?? 'The desktop app cannot start here');
}
