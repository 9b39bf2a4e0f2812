import type { ElectronBinaryStatus } from './electron-status.mjs';

export type StepResult = { ok: true } | { ok: false; reason: string };
export interface StartIo {
  argv: readonly string[];
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  electronVersion: string;
  build(): Promise<{ ok: true } | { ok: false; output: string }>;
  electronStatus(): ElectronBinaryStatus;
  downloadElectron(): Promise<StepResult>;
  nativeUpToDate(): boolean;
  buildNative(): Promise<StepResult>;
  launchElectron(binary: string): Promise<number>;
  serveInBrowser(reason: string): Promise<number>;
  say(line: string): void;
  complain(line: string): void;
  now(): number;
}
export function downloadFailureReason(output: unknown): string;
export function desktopUnavailable(io: Pick<StartIo, 'argv' | 'platform' | 'env'>): string | null;
export function startApp(io: StartIo): Promise<number>;
