export type ElectronBinaryStatus = { installed: true; binary: string } | { installed: false; missing: string };
export function electronBinaryStatus(rootDir: string): ElectronBinaryStatus;
