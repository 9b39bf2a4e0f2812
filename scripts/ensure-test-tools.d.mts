export type LaunchResult = { ok: true } | { ok: false; missing: boolean; reason: string };
export type RunResult = { ok: boolean; output: string };
export type Step = 'download' | 'install-deps' | 'apt';
export interface System {
  platform: string;
  isRoot: boolean;
  hasAptGet: boolean;
  downloadHost: string;
  systemChromium(): string | null;
  launchPlaywrightChromium(): Promise<LaunchResult>;
  run(step: Step): Promise<RunResult>;
  now(): number;
  write(text: string): void;
}
export function reasonIn(output: string): string;
export function ensureChromium(sys: System): Promise<{ ok: true; chromium: string } | { ok: false; message: string }>;
export function missingChromiumMessage(
  sys: Pick<System, 'platform' | 'isRoot' | 'hasAptGet' | 'downloadHost'>,
  launch: LaunchResult,
): string;
export function realSystem(): Promise<System>;
