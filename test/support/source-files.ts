// The source files the code-rule tests read (architecture, SQL only in the store, one SQLite opener):
// what a developer wrote, not what a tool built. Build output inside a source folder (bench/.build/,
// left by `npm run bench`, git-ignored) and installed packages are skipped, so a rule is judged on
// the same files on a laptop that has run the benchmark as on a clean clone.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'dist-electron', 'build-electron', 'coverage']);

/** Files under `dir` (relative to the repository, posix separators) whose names match `pattern`. */
export function sourceFiles(dir: string, pattern = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory())
      return SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.') ? [] : sourceFiles(relative, pattern);
    return pattern.test(entry.name) ? [relative] : [];
  });
}
