// `npm start`: the desktop app where Electron can run (fetching it on first use), else the same app
// in the browser on the learner's real data. The decisions are in start-plan.mjs; this file only
// wires them to the machine.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNativeForElectron, nativeBuildPlan } from './build-native-electron.mjs';
import { electronBinaryStatus } from './electron-status.mjs';
import { downloadFailureReason, startApp } from './start-plan.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** Runs a command, keeping its output to show only if it fails. */
function quietly(command, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}` }));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Runs a long-lived child in the foreground: signals go to it, its exit code becomes ours. */
function foreground(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}

const code = await startApp({
  argv: process.argv.slice(2),
  platform: process.platform,
  env: process.env,
  electronVersion,
  now: Date.now,
  say: (line) => process.stdout.write(`${line}\n`),
  complain: (line) => process.stderr.write(`${line}\n`),

  async build() {
    const node = process.execPath;
    // A production build whatever the caller's NODE_ENV (a test runner sets "test", and Vite would
    // then build React's development version).
    const env = { ...process.env, NODE_ENV: 'production' };
    const renderer = await quietly(
      node,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      env,
    );
    if (renderer.code !== 0) return { ok: false, output: renderer.output };
    const main = await quietly(node, [path.join(root, 'scripts/build-electron.mjs')]);
    return main.code === 0 ? { ok: true } : { ok: false, output: main.output };
  },

  electronStatus: () => electronBinaryStatus(root),

  // Electron's own installer (what `require('electron')` runs on first use, and `npx install-electron`).
  async downloadElectron() {
    const result = await quietly(process.execPath, [path.join(root, 'node_modules/electron/install.js')]);
    return result.code === 0 ? { ok: true } : { ok: false, reason: downloadFailureReason(result.output) };
  },

  nativeUpToDate: () => nativeBuildPlan(root).upToDate,

  async buildNative() {
    try {
      await buildNativeForElectron(root);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: downloadFailureReason(error.message) };
    }
  },

  launchElectron(binary) {
    // Set by some editors' terminals; it would make Electron behave as plain Node and open no window.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    return foreground(spawn(binary, [root], { cwd: root, stdio: 'inherit', env }));
  },

  // The browser version on the desktop app's own data folder. Its ready line becomes the one
  // sentence the learner reads; anything it says later (or instead) passes through.
  serveInBrowser(reason) {
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'preview/cli.ts'), '--desktop-data', '--open'],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
    );
    let pending = '';
    let announced = false;
    child.stdout.on('data', (chunk) => {
      if (announced) return void process.stdout.write(chunk);
      pending += chunk;
      const ready = /Preview ready at (\S+) \(data: (.+)\)\r?\n/.exec(pending);
      if (!ready) return;
      announced = true;
      process.stdout.write(
        `${reason}, so MLOps Study Companion runs in your browser instead, at ${ready[1]} (your data: ${ready[2]}; Ctrl+C stops it).\n`,
      );
      const rest = pending.slice(ready.index + ready[0].length);
      if (rest) process.stdout.write(rest);
    });
    child.on('exit', () => {
      if (!announced && pending) process.stdout.write(pending);
    });
    return foreground(child);
  },
});
process.exit(code);
