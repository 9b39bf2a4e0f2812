// The app icon drawn in code (electron/desktop/icon-png.ts): a valid PNG of the right size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diamondIconPng } from '../../electron/desktop/icon-png';

describe('the app icon', () => {
  it('build/icon.png is the generated 512×512 RGBA PNG', () => {
    const png = readFileSync(path.resolve(import.meta.dirname, '../../build/icon.png'));
    expect(png.equals(diamondIconPng(512))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
    expect(png[25]).toBe(6);
    // Decodes: blue in a corner's inside, white in the centre, transparent at the very corner.
    const idat = png.subarray(png.indexOf('IDAT') + 4, png.indexOf('IEND') - 8);
    const raw = inflateSync(idat);
    const px = (x: number, y: number) => [
      ...raw.subarray(y * (1 + 512 * 4) + 1 + x * 4, y * (1 + 512 * 4) + 1 + x * 4 + 4),
    ];
    expect(px(256, 256)).toEqual([255, 255, 255, 255]);
    expect(px(60, 256)).toEqual([0x25, 0x63, 0xeb, 255]);
    expect(px(0, 0)[3]).toBe(0);
  });
});
