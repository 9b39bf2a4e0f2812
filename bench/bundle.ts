// bundle: the JavaScript the renderer loads before its first paint, gzipped: the entry script and
// every module it preloads, as dist/renderer/index.html names them. Screens loaded on demand
// (React.lazy) are not in it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Section } from './lib';

/** The scripts an index.html loads up front: module scripts and modulepreload links, same-origin paths. */
export function firstPaintScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag) && /\btype=["']module["']/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']modulepreload["']/i.test(tag);
    const url = /\b(?:src|href)=["']([^"']+)["']/i.exec(tag)?.[1];
    if ((isScript || isPreload) && url) found.add(url);
  }
  return [...found];
}

export function benchBundle(rendererDir: string): Section {
  const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const scripts = firstPaintScripts(html);
  if (scripts.length === 0) throw new Error(`${rendererDir}/index.html loads no module script.`);
  let raw = 0;
  let gzip = 0;
  for (const url of scripts) {
    const file = path.join(rendererDir, url.replace(/^\.?\//, ''));
    const content = readFileSync(file);
    raw += content.byteLength;
    gzip += gzipSync(content).byteLength; // zlib's default level, 6: what a server would send
  }
  return {
    firstPaintGzip: figure(
      gzip / 1000,
      'KB',
      { op: '<=', limit: 300 },
      `gzip of ${scripts.map((s) => path.basename(s)).join(', ')}`,
    ),
    firstPaintRaw: figure(raw / 1000, 'KB'),
    files: figure(scripts.length, 'count'),
  };
}
