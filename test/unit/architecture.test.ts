// The import rules of docs/architecture.md: which part may import what. Each rule names where code
// runs: shared/ in both processes, renderer/ in Chromium without Node, electron/ in Node.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sourceFiles } from '../support/source-files';

const root = repoRoot;

/** Every module a file imports (static imports, re-exports and dynamic imports), as written. */
function importsOf(text: string): string[] {
  const found = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

/** The folder at the repository's top that an import lands in, or the package's name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.'))
    return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!) ? 'node' : spec.split('/')[0]!;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  return `${resolved.split('/')[0]!}/`;
}

const rules: { part: string; never: string[] }[] = [
  { part: 'shared', never: ['node', 'electron', 'react', 'better-sqlite3', 'renderer/', 'electron/', 'preview/'] },
  { part: 'renderer', never: ['node', 'electron', 'better-sqlite3', 'electron/', 'preview/'] },
  { part: 'electron', never: ['renderer/', 'preview/', 'test/'] },
  { part: 'preview', never: ['renderer/'] },
];

describe('import rules (docs/architecture.md)', () => {
  for (const { part, never } of rules) {
    it(`${part}/ imports none of: ${never.join(', ')}`, () => {
      const files = sourceFiles(part, /(?<!\.d)\.tsx?$/);
      expect(files.length).toBeGreaterThan(0);
      const broken = files.flatMap((file) =>
        importsOf(readFileSync(path.join(root, file), 'utf8'))
          .filter((spec) => never.includes(target(file, spec)))
          .map((spec) => `${file} imports ${spec}`),
      );
      expect(broken).toEqual([]);
    });
  }

  it('reads imports the way the rules need (so the checks above can fail)', () => {
    expect(
      importsOf("import { x } from '../electron/db/open';\nexport * from './y';\nconst z = await import('node:fs');"),
    ).toEqual(['../electron/db/open', './y', 'node:fs']);
    expect(target('shared/contract.ts', '../electron/db/open')).toBe('electron/');
    expect(target('renderer/lib/data.tsx', 'node:path')).toBe('node');
    expect(target('renderer/lib/data.tsx', 'fs')).toBe('node');
    expect(target('renderer/lib/data.tsx', 'react')).toBe('react');
  });

  it('docs/architecture.md states the rules this test checks', () => {
    const doc = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
    for (const { part } of rules) expect(doc).toContain(`| \`${part}/\` |`);
  });
});
