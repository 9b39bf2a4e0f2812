// The end of every command-line entry point (npm run preview, npm run pdf): run main() when the file
// is the program being run, not a module a test imported, and turn a failure into its message and
// exit code 1 (no stack trace: the messages are written for the learner).
import { realpathSync } from 'node:fs';

/** True when `moduleFile` (the caller's import.meta.filename) is the program node was started with. */
function isEntryPoint(moduleFile: string, entry = process.argv[1]): boolean {
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(moduleFile);
  } catch {
    return false;
  }
}

export function runMain(moduleFile: string, main: () => Promise<void>): void {
  if (!isEntryPoint(moduleFile)) return;
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
