// better-sqlite3 is a native addon, and Node (vitest, the preview) and Electron need builds for
// different ABIs. We keep both: node_modules holds the Node build, build-electron/ the Electron one,
// and the app picks its own with better-sqlite3's `nativeBinding` option. See docs/environment.md.
import path from 'node:path';

const ELECTRON_BINDING = path.join('build-electron', 'better_sqlite3.node');

export interface NativeBindingProbe {
  /** True when running inside Electron (process.versions.electron is set). */
  isElectron: boolean;
  /** The app's root: the repository in development, resources/app.asar when packaged. */
  appRoot: string;
  exists: (file: string) => boolean;
}

/** The Electron-ABI build when we run in Electron and it is there; otherwise undefined (the default Node build). */
export function pickNativeBinding({ isElectron, appRoot, exists }: NativeBindingProbe): string | undefined {
  if (!isElectron) return undefined;
  // A packaged app keeps native files outside the archive (asarUnpack): look there first.
  const roots = appRoot.endsWith('.asar') ? [`${appRoot}.unpacked`, appRoot] : [appRoot];
  return roots.map((root) => path.join(root, ELECTRON_BINDING)).find((file) => exists(file));
}

/**
 * A data-file error caused by loading the Node build inside Electron reads like a broken file; say
 * what really happened. Other messages are returned unchanged.
 */
export function explainNativeLoadFailure(message: string): string {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) return message;
  return `${message}\n\nThe database module in this copy of the app was built for Node.js, not for Electron. Build it for Electron into ${ELECTRON_BINDING} (see the README), then start the app again. Your data was not touched.`;
}
