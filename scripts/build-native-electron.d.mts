export interface NativeBuildPlan {
  electronVersion: string;
  sqliteVersion: string;
  output: string;
  stamp: string;
  wanted: { electron: string; betterSqlite3: string; platform: string; arch: string };
  upToDate: boolean;
}
export function nativeBuildPlan(rootDir?: string): NativeBuildPlan;
export function copiesNodeBuild(packageDir: string, file: string): boolean;
export function buildNativeForElectron(rootDir?: string): Promise<NativeBuildPlan>;
