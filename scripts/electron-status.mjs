// Whether Electron's binary is really installed. `npm install` never fetches it (Electron 45 fetches
// it on first use: npm start and the _electron tests do), so the only proof is the file itself.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} rootDir the repository root
 * @returns {{ installed: true, binary: string } | { installed: false, missing: string }}
 *   the binary's absolute path, or the repo-relative path of the first thing that is missing
 */
export function electronBinaryStatus(rootDir) {
  const electronDir = path.join(rootDir, 'node_modules', 'electron');
  const dist = path.join(electronDir, 'dist');
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = (p) => path.relative(rootDir, p).split(path.sep).join('/');
  if (!existsSync(dist)) return { installed: false, missing: relative(dist) };
  if (!existsSync(pathFile)) return { installed: false, missing: relative(pathFile) };
  const binary = path.join(dist, readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { installed: false, missing: relative(binary) };
  return { installed: true, binary };
}
