// Writes build/icon.png (512×512), the icon electron-builder makes every platform's icons from.
// Run: npx tsx scripts/make-icon.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diamondIconPng } from '../electron/desktop/icon-png';

const out = path.resolve(import.meta.dirname, '..', 'build', 'icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, diamondIconPng(512));
console.log(`wrote ${path.relative(process.cwd(), out)}`);
