export const electronEntries: { in: string; out: string; minify: boolean }[];
export function buildElectron(options?: { write?: boolean }): Promise<Record<string, string>>;
