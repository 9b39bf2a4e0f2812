// `npm run preview -- [--db FILE] [--port N]`: the app in a browser, over the real handlers.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseOpenError } from '../electron/db/open';
import { startPreview } from './server';

const root = path.resolve(import.meta.dirname, '..');

export function parseArgs(argv: readonly string[]): { dbFile: string; port: number } {
  let dbFile = path.join(root, '.preview-data', 'companion.db');
  let port = 5180;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--db' && value) (dbFile = path.resolve(value)), i++;
    else if (arg === '--port' && value && /^\d+$/.test(value) && Number(value) < 65536) (port = Number(value)), i++;
    else throw new Error(`Unknown or incomplete option "${arg}". Usage: npm run preview -- [--db FILE] [--port N]`);
  }
  return { dbFile, port };
}

async function main() {
  const { dbFile, port } = parseArgs(process.argv.slice(2));
  mkdirSync(path.dirname(dbFile), { recursive: true });
  const preview = await startPreview({ dbFile, port, rendererDir: path.join(root, 'dist', 'renderer') });
  // Tests read this line to find the port; keep its shape.
  console.log(`Preview ready at ${preview.url} (data: ${dbFile})`);
  const stop = () => void preview.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DatabaseOpenError || error instanceof Error) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
