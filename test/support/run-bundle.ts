// Runs one of the real esbuild bundles (dist-electron/main.cjs, preload.cjs) as CommonJS in this Node
// process, with `require('electron')` answered by a stand-in and every other require noted.
import { createRequire } from 'node:module';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const requireFromRepo = createRequire(path.join(repoRoot, 'package.json'));

export interface RunOptions {
  /** What the bundle sees as `process` (e.g. another platform, or process.versions.electron set). */
  process?: NodeJS.Process;
}

/** Runs `code`; returns every module id it required, in order. */
export function runBundle(code: string, electron: object, dirname: string, options: RunOptions = {}): string[] {
  const required: string[] = [];
  const fakeRequire = (id: string) => {
    required.push(id);
    return id === 'electron' ? electron : requireFromRepo(id);
  };
  const module = { exports: {} };
  // scripts/coverage.mjs knows the bundle's script by V8's wrapper for these parameters: keep them in step.
  new Function('require', 'module', 'exports', '__filename', '__dirname', 'process', code)(
    fakeRequire,
    module,
    module.exports,
    path.join(dirname, 'bundle.cjs'),
    dirname,
    options.process ?? process,
  );
  return required;
}

/** `process` with some fields replaced, for a bundle that should believe it runs elsewhere. */
export function processLike(overrides: {
  platform?: NodeJS.Platform;
  versions?: Partial<NodeJS.ProcessVersions>;
}): NodeJS.Process {
  return new Proxy(process, {
    get(target, key, receiver) {
      if (key === 'platform' && overrides.platform) return overrides.platform;
      if (key === 'versions' && overrides.versions) return { ...target.versions, ...overrides.versions };
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
