// Starting the handler process (bench/host.ts) and talking to it.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import type { PdfExporter } from '../electron/handlers';
import type { HostReply, HostRequest, PrintReply, PrintRequest } from './host';

type Request = HostRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface Host {
  call<T>(request: Request): Promise<T>;
  stop(): Promise<void>;
  pid: number;
  /** Answers the app's portfolio.exportPdf (the benchmark's printer, set before the app asks). */
  exportPdf: PdfExporter | null;
}

/**
 * Bundles bench/host.ts like the main process (esbuild, everything inlined but the native
 * module) into `outDir`, which must sit inside the repository so `better-sqlite3` resolves from
 * node_modules.
 */
export async function buildHost(root: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'host.mjs');
  await build({
    entryPoints: [path.join(root, 'bench', 'host.ts')],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    // The preview reads its bridge script from beside its own source file.
    define: { 'import.meta.dirname': JSON.stringify(path.join(root, 'preview')) },
    // Bundled CommonJS (isomorphic-git) asks for Node's built-ins with require(), which an ES module lacks.
    banner: {
      js: "import { createRequire as benchCreateRequire } from 'node:module'; const require = benchCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return outfile;
}

export function startHost(bundle: string): Host {
  // Plain node: no tsx loader (execArgv would hand this process's to the child).
  const child: ChildProcess = fork(bundle, [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: process.env,
  });
  let next = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (reply: HostReply | PrintRequest) => {
    if ('kind' in reply) {
      const { callId, paper } = reply;
      const answer = (message: PrintReply) => child.connected && child.send(message);
      const printer = host.exportPdf;
      if (!printer)
        return answer({
          kind: 'exportPdfDone',
          callId,
          ok: false,
          error: 'The benchmark has no printer for this page.',
        });
      printer(paper).then(
        (value) => answer({ kind: 'exportPdfDone', callId, ok: true, value }),
        (error: unknown) =>
          answer({
            kind: 'exportPdfDone',
            callId,
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
      return;
    }
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    if (reply.ok) entry.resolve(reply.value);
    else entry.reject(new Error(`The handler process failed: ${reply.error}`));
  });
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const entry of waiting.values()) entry.reject(new Error(`The handler process exited (${signal ?? code}).`));
      waiting.clear();
      resolve();
    }),
  );
  const host: Host = {
    pid: child.pid!,
    exportPdf: null,
    call<T>(request: Request): Promise<T> {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ ...request, id });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        await this.call({ type: 'stop' });
      } catch {
        // It is going anyway.
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  return host;
}
