// Builds better-sqlite3 for Electron's ABI into build-electron/better_sqlite3.node, leaving the
// Node build in node_modules alone: vitest and the preview keep working, and the app picks its
// own build with better-sqlite3's `nativeBinding` option (electron/native-binding.ts).
// The build happens in a staging copy because @electron/rebuild rebuilds in place.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where things are and whether the Electron build is already in place for this Electron version. */
export function nativeBuildPlan(rootDir = root) {
  const electronVersion = JSON.parse(
    readFileSync(path.join(rootDir, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const sqliteVersion = JSON.parse(
    readFileSync(path.join(rootDir, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ).version;
  const output = path.join(rootDir, 'build-electron', 'better_sqlite3.node');
  const stamp = path.join(rootDir, 'build-electron', 'built-for.json');
  const wanted = {
    electron: electronVersion,
    betterSqlite3: sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  };
  const current = existsSync(stamp) && existsSync(output) ? readFileSync(stamp, 'utf8') : '';
  return { electronVersion, sqliteVersion, output, stamp, wanted, upToDate: current === JSON.stringify(wanted) };
}

/** True for the package's build/ folder and what is in it, wherever the package itself lives. */
export function copiesNodeBuild(packageDir, file) {
  const inside = path.relative(packageDir, file).split(path.sep);
  return inside[0] === 'build';
}

export async function buildNativeForElectron(rootDir = root) {
  const plan = nativeBuildPlan(rootDir);
  if (plan.upToDate) return plan;
  const staging = path.join(rootDir, 'build-electron', 'staging');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.join(staging, 'node_modules'), { recursive: true });
  const source = path.join(rootDir, 'node_modules/better-sqlite3');
  cpSync(source, path.join(staging, 'node_modules/better-sqlite3'), {
    recursive: true,
    // Leave out the package's own build/ (the Node build), judged by the path inside the package:
    // the checkout itself may sit under a folder named build.
    filter: (src) => !copiesNodeBuild(source, src),
  });
  writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'staging', dependencies: { 'better-sqlite3': plan.sqliteVersion } }),
  );
  // The machine-wide npm config may point node-gyp at Node's own headers; Electron needs its own.
  delete process.env.npm_config_nodedir;
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: staging,
    electronVersion: plan.electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  copyFileSync(path.join(staging, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), plan.output);
  writeFileSync(plan.stamp, JSON.stringify(plan.wanted));
  rmSync(staging, { recursive: true, force: true });
  return plan;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildNativeForElectron().then(
    (plan) => console.log(`better-sqlite3 ${plan.sqliteVersion} for Electron ${plan.electronVersion}: ${plan.output}`),
    (error) => {
      console.error(`Could not build better-sqlite3 for Electron: ${error.message}`);
      process.exit(1);
    },
  );
}
