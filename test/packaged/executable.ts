// Where `npm run dist` leaves the unpacked app to launch (electron-builder's output folders).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const PRODUCT_NAME = 'MLOps Study Companion';
export const LINUX_EXECUTABLE = 'mlops-study-companion';

interface Fs {
  exists: (file: string) => boolean;
  list: (dir: string) => string[];
}
const realFs: Fs = { exists: existsSync, list: (dir) => (existsSync(dir) ? readdirSync(dir) : []) };

/** The unpacked app's executable in `releaseDir` for this platform, or null with what was looked for. */
export function findPackagedExecutable(
  releaseDir: string,
  platform: NodeJS.Platform,
  fs: Fs = realFs,
): { file: string } | { file: null; lookedFor: string[] } {
  const folders = fs.list(releaseDir);
  const candidates: string[] = [];
  if (platform === 'darwin') {
    // mac (x64), mac-arm64, mac-universal
    for (const folder of folders.filter((f) => /^mac(-|$)/.test(f))) {
      candidates.push(path.join(releaseDir, folder, `${PRODUCT_NAME}.app`, 'Contents', 'MacOS', PRODUCT_NAME));
    }
  } else if (platform === 'win32') {
    for (const folder of folders.filter((f) => /^win(-[a-z0-9]+)?-unpacked$/.test(f)))
      candidates.push(path.join(releaseDir, folder, `${PRODUCT_NAME}.exe`));
  } else {
    for (const folder of folders.filter((f) => /^linux(-[a-z0-9]+)?-unpacked$/.test(f)))
      candidates.push(path.join(releaseDir, folder, LINUX_EXECUTABLE));
  }
  const file = candidates.find((c) => fs.exists(c));
  return file
    ? { file }
    : { file: null, lookedFor: candidates.length ? candidates : [path.join(releaseDir, '<platform>-unpacked')] };
}
