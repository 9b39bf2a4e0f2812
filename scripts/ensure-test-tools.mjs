// What `npm test` runs first: makes sure the browser tests have a Chromium, getting one if it must,
// so that `npm install` then `npm test` is all a fresh machine needs. Reading PDFs needs nothing from
// the system (pdf.js, an npm package). Where it gets something it says so in one line (what, from
// where, how long); where it cannot, it says in one sentence what to run and exits 1 before any test.
//
// The decision is ensureChromium(), with every system call passed in, so that the unit tests can
// play each machine (test/unit/ensure-test-tools.test.ts); the bottom of this file is the real one.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, systemChromium } from './test-browser.mjs';

const WHAT = 'Chromium for the browser tests';

/**
 * @typedef {{ ok: true } | { ok: false, missing: boolean, reason: string }} LaunchResult
 *   missing: Playwright's own Chromium is not downloaded at all (as opposed to there and not starting)
 * @typedef {{ ok: boolean, output: string }} RunResult
 * @typedef {object} System
 * @property {string} platform process.platform
 * @property {boolean} isRoot
 * @property {boolean} hasAptGet
 * @property {string} downloadHost where Playwright downloads its browsers from
 * @property {() => string | null} systemChromium a Chromium installed on the machine (test-browser.mjs)
 * @property {() => Promise<LaunchResult>} launchPlaywrightChromium starts and closes Playwright's own Chromium
 * @property {(step: 'download' | 'install-deps' | 'apt') => Promise<RunResult>} run runs one step (the real commands: `steps`, below), its output kept
 * @property {() => number} now milliseconds
 * @property {(text: string) => void} write to the terminal, as is (lines end with "\n")
 */

/** The first line that says what went wrong in a command's output: Node's "Error: …", apt's "E: …". */
export function reasonIn(output) {
  const lines = output.split('\n').map((l) => l.trim());
  const line = lines.find((l) => /^(Error|E): /.test(l)) ?? lines.filter(Boolean).at(-1) ?? 'no output';
  return line.replace(/^(Error|E): /, '').replace(/\.$/, '');
}

const seconds = (ms) => `${Math.max(1, Math.round(ms / 1000))} s`;

/**
 * Makes sure there is a Chromium the browser tests can use, in this order, stopping at the first
 * that works:
 *   1. one installed on the machine (Debian's chromium): nothing to get;
 *   2. Playwright's own, already downloaded, that starts: nothing to get;
 *   3. Playwright's own, downloaded now (`playwright install chromium`, as on a laptop with internet);
 *      downloaded but missing system libraries and root with apt-get: those libraries
 *      (`playwright install-deps chromium`);
 *   4. root with apt-get, when Playwright's download cannot be had: Debian's chromium package.
 * A second run stops at 1 or 2 and installs nothing.
 * @param {System} sys
 * @returns {Promise<{ ok: true, chromium: string } | { ok: false, message: string }>}
 *   chromium: the path of the system's, or "playwright"; message: the one sentence saying what to run
 */
export async function ensureChromium(sys) {
  const installed = sys.systemChromium();
  if (installed) {
    sys.write(`${WHAT}: ${installed}, installed on this machine.\n`);
    return { ok: true, chromium: installed };
  }
  let launch = await sys.launchPlaywrightChromium();
  if (launch.ok) {
    sys.write(`${WHAT}: Playwright's own, downloaded before.\n`);
    return { ok: true, chromium: 'playwright' };
  }
  const aptRoot = sys.platform === 'linux' && sys.isRoot && sys.hasAptGet;

  /** One step: its line begun before (it may take a minute), ended with how it went and how long. */
  const step = async (begin, name) => {
    sys.write(`${WHAT}: ${begin}… `);
    const started = sys.now();
    const result = await sys.run(name);
    const took = seconds(sys.now() - started);
    sys.write(result.ok ? `done in ${took}.\n` : `failed after ${took} (${reasonIn(result.output)}).\n`);
    return result.ok;
  };

  if (launch.missing) {
    const from = `from ${sys.downloadHost}`;
    if (await step(`downloading Playwright's Chromium ${from} (npx playwright install chromium)`, 'download'))
      launch = await sys.launchPlaywrightChromium();
  }
  if (!launch.ok && !launch.missing && aptRoot) {
    // Downloaded, yet it does not start: the libraries it links against are not on this machine.
    if (
      await step(
        "installing the system libraries Playwright's Chromium needs, with apt-get (npx playwright install-deps chromium)",
        'install-deps',
      )
    ) {
      launch = await sys.launchPlaywrightChromium();
    }
  }
  if (launch.ok) return { ok: true, chromium: 'playwright' };

  if (aptRoot) {
    if (
      (await step(
        "installing Debian's chromium package with apt-get (apt-get update; apt-get install -y chromium)",
        'apt',
      )) &&
      sys.systemChromium()
    ) {
      return { ok: true, chromium: /** @type {string} */ (sys.systemChromium()) };
    }
  }
  return { ok: false, message: missingChromiumMessage(sys, launch) };
}

/**
 * The one sentence `npm test` ends with when it could not get a Chromium.
 * @param {Pick<System, 'platform' | 'isRoot' | 'hasAptGet' | 'downloadHost'>} sys
 * @param {LaunchResult} launch what became of Playwright's own
 */
export function missingChromiumMessage(sys, launch) {
  const again = 'then `npm test` again';
  if (!launch.ok && !launch.missing) {
    return sys.platform === 'linux'
      ? `The browser tests cannot run: Playwright's Chromium is downloaded but does not start (${launch.reason}); run \`sudo npx playwright install-deps chromium\` to install the system libraries it needs, ${again}.`
      : `The browser tests cannot run: Playwright's Chromium is downloaded but does not start (${launch.reason}); run \`npx playwright install --force chromium\` to download it afresh, ${again}.`;
  }
  const debian =
    sys.platform === 'linux' && sys.hasAptGet ? ", or install Debian's with `sudo apt-get install chromium`" : '';
  return `The browser tests cannot run: there is no Chromium on this machine and Playwright's could not be downloaded from ${sys.downloadHost}; run \`npx playwright install chromium\` where that host can be reached${debian}, ${again}.`;
}

// The real machine.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const playwrightCli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');

/** Runs a command, its output kept to say why it failed (and not shown when it works). */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ ok: false, output: `Error: ${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/** @type {Record<string, () => Promise<RunResult>>} */
const steps = {
  download: () => run(process.execPath, [playwrightCli, 'install', 'chromium']),
  'install-deps': () => run(process.execPath, [playwrightCli, 'install-deps', 'chromium']),
  apt: async () => {
    const apt = { DEBIAN_FRONTEND: 'noninteractive' };
    const update = await run('apt-get', ['update', '-qq'], apt);
    return update.ok ? run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], apt) : update;
  },
};

/** @returns {Promise<LaunchResult>} */
async function launchPlaywrightChromium() {
  const { chromium } = await import('@playwright/test');
  try {
    const browser = await chromium.launch({ args: CHROMIUM_ARGS, timeout: 60_000 });
    await browser.close();
    return { ok: true };
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error);
    const missing = /Executable doesn't exist/i.test(message);
    // Playwright's message runs to a boxed banner; its first line says what happened.
    return {
      ok: false,
      missing,
      reason: message
        .split('\n')[0]
        .replace(/^browserType\.launch: /, '')
        .trim(),
    };
  }
}

async function hasCommand(name) {
  return (await run('sh', ['-c', `command -v ${name}`])).ok;
}

/** @returns {Promise<System>} */
export async function realSystem() {
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    hasAptGet: process.platform === 'linux' && (await hasCommand('apt-get')),
    downloadHost: process.env.PLAYWRIGHT_DOWNLOAD_HOST || 'cdn.playwright.dev',
    systemChromium: () => systemChromium(),
    launchPlaywrightChromium,
    run: (name) => steps[name](),
    now: () => Date.now(),
    write: (text) => process.stdout.write(text),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await ensureChromium(await realSystem());
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
  }
}
