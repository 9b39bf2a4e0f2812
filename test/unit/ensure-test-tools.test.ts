// The set-up `npm test` runs first (scripts/ensure-test-tools.mjs), on stand-in machines: which
// Chromium is picked, what is installed when, what it prints, and the sentence when nothing can be had.
import { describe, expect, it } from 'vitest';
import {
  ensureChromium,
  missingChromiumMessage,
  reasonIn,
  type Step,
  type System,
} from '../../scripts/ensure-test-tools.mjs';
import { DEBIAN_CHROMIUM, systemChromium } from '../../scripts/test-browser.mjs';

interface Machine {
  platform?: string;
  isRoot?: boolean;
  hasAptGet?: boolean;
  /** Debian's chromium package is installed. */
  debianChromium?: boolean;
  /** Playwright's own Chromium is in its cache. */
  downloaded?: boolean;
  /** The system libraries Playwright's Chromium links against are there. */
  libraries?: boolean;
  /** Playwright's download host can be reached. */
  cdn?: boolean;
  /** apt-get can reach its package sources. */
  apt?: boolean;
  /** `apt-get install chromium` gives the real browser (Debian), not a stub for another package system (Ubuntu's snap). */
  aptIsDebian?: boolean;
}

/** A stand-in machine: its state changes as the steps run on it, each taking as long as given. */
function machine(state: Machine) {
  const m = {
    platform: 'linux',
    isRoot: false,
    hasAptGet: false,
    debianChromium: false,
    downloaded: false,
    libraries: true,
    cdn: true,
    apt: true,
    aptIsDebian: true,
    ...state,
  };
  const took: Record<Step, number> = { download: 35_000, 'install-deps': 20_000, apt: 41_000 };
  let clock = 0;
  const ran: Step[] = [];
  let launches = 0;
  let out = '';
  const sys: System = {
    platform: m.platform,
    isRoot: m.isRoot,
    hasAptGet: m.hasAptGet,
    downloadHost: 'cdn.playwright.dev',
    systemChromium: () => systemChromium((file) => m.debianChromium && file === DEBIAN_CHROMIUM),
    launchPlaywrightChromium: async () => {
      launches++;
      if (!m.downloaded)
        return {
          ok: false,
          missing: true,
          reason:
            "Executable doesn't exist at /root/.cache/ms-playwright/chromium_headless_shell-1255/chrome-headless-shell",
        };
      if (!m.libraries)
        return { ok: false, missing: false, reason: 'error while loading shared libraries: libnss3.so' };
      return { ok: true };
    },
    run: async (step) => {
      ran.push(step);
      clock += took[step];
      if (step === 'download') {
        if (!m.cdn)
          return {
            ok: false,
            output:
              'Downloading Chrome for Testing…\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n    at GetAddrInfoReqWrap\nFailed to install browsers',
          };
        m.downloaded = true;
      } else if (step === 'install-deps') {
        if (!m.apt)
          return { ok: false, output: 'E: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease' };
        m.libraries = true;
      } else {
        if (!m.apt)
          return {
            ok: false,
            output:
              'W: Some index files failed to download.\nE: Failed to fetch http://deb.debian.org/debian/dists/bookworm/InRelease',
          };
        if (m.aptIsDebian) m.debianChromium = true;
      }
      return { ok: true, output: '' };
    },
    now: () => clock,
    write: (text) => (out += text),
  };
  return {
    sys,
    /** One run of the set-up: its result, the steps it ran, how often it started Playwright's Chromium, what it printed. */
    async setUp() {
      ran.length = 0;
      launches = 0;
      out = '';
      const result = await ensureChromium(sys);
      return { result, ran: [...ran], launches, lines: out.split('\n').filter(Boolean), out };
    },
  };
}

describe('which Chromium the browser tests get', () => {
  it("uses Debian's chromium where it is installed, without starting or getting anything", async () => {
    const run = await machine({ debianChromium: true, isRoot: true, hasAptGet: true }).setUp();
    expect(run.result).toEqual({ ok: true, chromium: DEBIAN_CHROMIUM });
    expect(run.ran).toEqual([]);
    expect(run.launches).toBe(0);
    expect(run.lines).toEqual([`Chromium for the browser tests: ${DEBIAN_CHROMIUM}, installed on this machine.`]);
  });

  it("uses Playwright's own where it was downloaded before and starts", async () => {
    const run = await machine({ platform: 'darwin', downloaded: true }).setUp();
    expect(run.result).toEqual({ ok: true, chromium: 'playwright' });
    expect(run.ran).toEqual([]);
    expect(run.lines).toEqual(["Chromium for the browser tests: Playwright's own, downloaded before."]);
  });

  it("downloads Playwright's on a laptop with internet and no root, in one line; the next run gets nothing", async () => {
    const laptop = machine({ platform: 'darwin' });
    const first = await laptop.setUp();
    expect(first.result).toEqual({ ok: true, chromium: 'playwright' });
    expect(first.ran).toEqual(['download']);
    expect(first.lines).toEqual([
      "Chromium for the browser tests: downloading Playwright's Chromium from cdn.playwright.dev (npx playwright install chromium)… done in 35 s.",
    ]);
    const second = await laptop.setUp();
    expect(second.ran).toEqual([]);
    expect(second.lines).toEqual(["Chromium for the browser tests: Playwright's own, downloaded before."]);
  });

  it("on Debian as root where Playwright's download fails, says why and installs Debian's chromium; the next run gets nothing", async () => {
    const ci = machine({ isRoot: true, hasAptGet: true, cdn: false });
    const first = await ci.setUp();
    expect(first.ran).toEqual(['download', 'apt']);
    expect(first.result).toEqual({ ok: true, chromium: DEBIAN_CHROMIUM });
    expect(first.lines).toEqual([
      "Chromium for the browser tests: downloading Playwright's Chromium from cdn.playwright.dev (npx playwright install chromium)… failed after 35 s (getaddrinfo ENOTFOUND cdn.playwright.dev).",
      "Chromium for the browser tests: installing Debian's chromium package with apt-get (apt-get update; apt-get install -y chromium)… done in 41 s.",
    ]);
    const second = await ci.setUp();
    expect(second.ran).toEqual([]);
    expect(second.launches).toBe(0);
  });

  it('as root where the download works but the libraries it needs are missing (a bare container), installs them with Playwright', async () => {
    const run = await machine({ isRoot: true, hasAptGet: true, libraries: false }).setUp();
    expect(run.ran).toEqual(['download', 'install-deps']);
    expect(run.result).toEqual({ ok: true, chromium: 'playwright' });
    expect(run.lines[1]).toBe(
      "Chromium for the browser tests: installing the system libraries Playwright's Chromium needs, with apt-get (npx playwright install-deps chromium)… done in 20 s.",
    );
  });

  it('never runs apt-get without root, nor off Linux', async () => {
    expect((await machine({ hasAptGet: true, cdn: false }).setUp()).ran).toEqual(['download']);
    expect((await machine({ platform: 'darwin', isRoot: true, hasAptGet: true, cdn: false }).setUp()).ran).toEqual([
      'download',
    ]);
  });
});

describe('when no Chromium can be had', () => {
  it('says in one sentence what to run, naming apt-get where the machine has it', async () => {
    const run = await machine({ hasAptGet: true, cdn: false }).setUp();
    expect(run.result).toEqual({
      ok: false,
      message:
        "The browser tests cannot run: there is no Chromium on this machine and Playwright's could not be downloaded from cdn.playwright.dev; run `npx playwright install chromium` where that host can be reached, or install Debian's with `sudo apt-get install chromium`, then `npm test` again.",
    });
    expect(run.ran).toEqual(['download']);
  });

  it('as root with neither network, reports both attempts and then the sentence', async () => {
    const run = await machine({ isRoot: true, hasAptGet: true, cdn: false, apt: false }).setUp();
    expect(run.ran).toEqual(['download', 'apt']);
    expect(run.lines[1]).toMatch(
      /apt-get install -y chromium\)… failed after 41 s \(Failed to fetch http:\/\/deb\.debian\.org\/debian\/dists\/bookworm\/InRelease\)\.$/,
    );
    expect(run.result.ok).toBe(false);
  });

  it('where apt-get gives no real chromium (Ubuntu hands it to snap), still fails with the sentence', async () => {
    const run = await machine({ isRoot: true, hasAptGet: true, cdn: false, aptIsDebian: false }).setUp();
    expect(run.result.ok).toBe(false);
  });

  it('on macOS does not suggest apt-get', async () => {
    const run = await machine({ platform: 'darwin', cdn: false }).setUp();
    expect(run.result).toEqual({
      ok: false,
      message: expect.stringMatching(
        /; run `npx playwright install chromium` where that host can be reached, then `npm test` again\.$/,
      ),
    });
  });

  it('downloaded but not starting, and no root to install its libraries: says which command installs them', async () => {
    const run = await machine({ downloaded: true, libraries: false, hasAptGet: true }).setUp();
    expect(run.ran).toEqual([]);
    expect(run.result).toEqual({
      ok: false,
      message:
        "The browser tests cannot run: Playwright's Chromium is downloaded but does not start (error while loading shared libraries: libnss3.so); run `sudo npx playwright install-deps chromium` to install the system libraries it needs, then `npm test` again.",
    });
  });

  it('names the download host Playwright is told to use', () => {
    const sys = { platform: 'linux', isRoot: false, hasAptGet: false, downloadHost: 'mirror.example.com' };
    expect(missingChromiumMessage(sys, { ok: false, missing: true, reason: '' })).toContain(
      'could not be downloaded from mirror.example.com;',
    );
  });
});

describe('reasonIn', () => {
  it("takes Node's Error line or apt's E: line, else the last line", () => {
    expect(reasonIn('Downloading…\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n  at x\n')).toBe(
      'getaddrinfo ENOTFOUND cdn.playwright.dev',
    );
    expect(reasonIn('W: index\nE: Unable to locate package chromium\n')).toBe('Unable to locate package chromium');
    expect(reasonIn('something odd happened.\n\n')).toBe('something odd happened');
    expect(reasonIn('')).toBe('no output');
  });
});
