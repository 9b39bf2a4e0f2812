// Writing a file so that it is either the old file or the whole new one, never half of either: the
// bytes go to a temporary file beside it, are flushed to disk, then renamed over the target (a
// rename within one folder is atomic). The portfolio PDF (the app and `npm run pdf`) writes it
// asynchronously; the desktop's small JSON files (window position, reminder state) synchronously,
// because the window's position is saved as the app quits.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A name beside the target no other writer (another process, or this one twice) will pick. */
function temporaryBeside(file: string): { target: string; temporary: string } {
  const target = path.resolve(file);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  return { target, temporary };
}

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const { target, temporary } = temporaryBeside(file);
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(temporary, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temporary, target);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

export function writeFileAtomicSync(file: string, data: Uint8Array | string): void {
  const { target, temporary } = temporaryBeside(file);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx');
    writeFileSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}
