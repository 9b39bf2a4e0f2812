// The app icon drawn in code (no image files, no dependencies): a white rounded diamond on a blue
// rounded square, encoded as a PNG with node:zlib. scripts/make-icon.ts writes build/icon.png (512 px)
// for electron-builder; main draws the tray icon from the same function at tray size.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Coverage 0..1 of a pixel by a shape given as a signed distance (negative inside), antialiased over one pixel. */
const cover = (distance: number) => Math.min(1, Math.max(0, 0.5 - distance));

export function diamondIconPng(size: number): Buffer {
  const blue = [0x25, 0x63, 0xeb];
  const white = [0xff, 0xff, 0xff];
  const rows: Buffer[] = [];
  const half = size / 2;
  const squareRadius = size * 0.18;
  const diamondHalf = size * 0.3;
  const diamondRound = size * 0.06;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    row[0] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const px = x + 0.5 - half;
      const py = y + 0.5 - half;
      // Rounded square filling the icon, with a small margin.
      const inner = half * 0.94 - squareRadius;
      const qx = Math.abs(px) - inner;
      const qy = Math.abs(py) - inner;
      const square = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - squareRadius;
      // Rounded diamond: a rounded square turned 45°.
      const dInner = diamondHalf / Math.SQRT2 - diamondRound;
      const ux = Math.abs((px + py) / Math.SQRT2) - dInner;
      const uy = Math.abs((py - px) / Math.SQRT2) - dInner;
      const diamond = Math.hypot(Math.max(ux, 0), Math.max(uy, 0)) + Math.min(Math.max(ux, uy), 0) - diamondRound;
      const a = cover(square);
      const d = cover(diamond);
      const o = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(blue[c]! * (1 - d) + white[c]! * d);
      row[o + 3] = Math.round(255 * a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
