export const DEBIAN_CHROMIUM: string;
export function systemChromium(exists?: (file: string) => boolean): string | null;
export const CHROMIUM_ARGS: string[];
