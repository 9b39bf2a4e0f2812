// `npm start`: build, then run the desktop app with the local Electron. Where Electron's binary is
// missing (as on the build machines), say so in one sentence and point to the browser preview.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNativeForElectron } from './build-native-electron.mjs';
import { electronBinaryStatus, missingBinaryMessage } from './electron-status.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const status = electronBinaryStatus(root);
if (!status.installed) {
  process.stderr.write(`${missingBinaryMessage(status.missing)}\n`);
  process.exit(1);
}

// npm is a .cmd script on Windows, which Node only runs through a shell.
const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (built.status !== 0) process.exit(built.status ?? 1);

// Electron needs its own build of the database module; make it once (vitest keeps the Node one).
try {
  await buildNativeForElectron(root);
} catch (error) {
  process.stderr.write(`The database module could not be built for Electron (${error.message}); the app cannot start without it.\n`);
  process.exit(1);
}

// Set by some editors' terminals; it would make Electron behave as plain Node and not open a window.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(status.binary, [root], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => {
  process.stderr.write(`Electron could not be started: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
