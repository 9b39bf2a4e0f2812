// Bundles the main process and the preload into dist-electron/ as CommonJS. The preload must be a
// single file (a sandboxed preload can require nothing but `electron`); main gets the curriculum and
// the contract inlined, so the packaged app needs only its native module from node_modules.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const electronEntries = [
  { in: 'electron/main.ts', out: 'dist-electron/main.cjs', minify: false },
  // The preload runs before every page load and carries zod with the contract: minified, it parses faster.
  { in: 'electron/preload.ts', out: 'dist-electron/preload.cjs', minify: true },
];

/**
 * Builds both bundles. With `write: false` nothing touches the disk and the code comes back instead
 * (the tests run the bundles that way).
 * @param {{ write?: boolean }} [options]
 * @returns {Promise<Record<string, string>>} each output's code by its path relative to the root
 */
export async function buildElectron({ write = true } = {}) {
  const code = {};
  for (const entry of electronEntries) {
    const result = await build({
      entryPoints: [entry.in],
      outfile: entry.out,
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // electron is provided by the runtime; better-sqlite3 is native and loaded from node_modules.
      external: ['electron', 'better-sqlite3'],
      sourcemap: true,
      minify: entry.minify,
      logLevel: 'warning',
      write,
    });
    code[entry.out] = write
      ? ''
      : new TextDecoder().decode(result.outputFiles.find((f) => f.path.endsWith('.cjs')).contents);
  }
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await buildElectron();
    for (const entry of electronEntries) console.log(`built ${entry.out}`);
  } catch {
    // esbuild has already printed the errors with their locations.
    process.exit(1);
  }
}
