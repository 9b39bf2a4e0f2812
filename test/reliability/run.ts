// The full reliability run (`npm run test:reliability`): at least 10,000 fuzzed IPC payloads spread
// evenly over every channel, at least 100 SIGKILLs of a process writing through the real handlers,
// and at least 1,000 runs of the sync property (three machines, one folder: test/reliability/sync.ts).
// Writes test-results/reliability.json, prints a table, and exits 1 on any failure.
//
//   npm run test:reliability
//   npm run test:reliability -- --seed 123          # the same payloads, kill times and sync runs again
//   npm run test:reliability -- --payloads 500 --kills 5 --syncs 20   # a quick look (exits 1: below the minimums)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCrashTrial } from './crash';
import { runFuzz } from './fuzz';
import { runSyncProperty } from './sync';

const MIN_PAYLOADS = 10_000;
const MIN_KILLS = 100;
const MIN_SYNC_RUNS = 1000;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`--${name} takes a whole number.`);
    process.exit(2);
  }
  return value;
}

const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
const payloads = option('payloads', MIN_PAYLOADS);
const kills = option('kills', MIN_KILLS);
const syncs = option('syncs', MIN_SYNC_RUNS);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const started = performance.now();
const line = (text: string) => process.stdout.write(`${text}\n`);

line(
  `Reliability run, seed ${seed}: ${payloads.toLocaleString('en')} fuzzed payloads, ${kills} kills, ${syncs.toLocaleString('en')} sync runs.`,
);

const fuzzStarted = performance.now();
const fuzz = await runFuzz({
  payloads,
  seed,
  onProgress: (done, total) => done % 2500 === 0 && line(`  fuzz ${done}/${total}`),
});
const fuzzSeconds = (performance.now() - fuzzStarted) / 1000;

const dir = mkdtempSync(path.join(tmpdir(), 'companion-crash-'));
const dbFile = path.join(dir, 'companion.db');
const crashStarted = performance.now();
const crash = await runCrashTrial({
  kills,
  dbFile,
  seed,
  onKill: (done, so) =>
    done % 10 === 0 &&
    line(
      `  kill ${done}/${kills}: ${so.acknowledged} acknowledged, ${so.lost} lost, ${so.integrityFailures} integrity failures`,
    ),
});
const crashSeconds = (performance.now() - crashStarted) / 1000;

line('  sync: three machines, random edits, deliveries and clocks, then everything delivered');
const syncStarted = performance.now();
const sync = runSyncProperty({ runs: syncs, seed, stopOnFailure: false });
const syncSeconds = (performance.now() - syncStarted) / 1000;

const report = {
  fuzzPayloads: fuzz.fuzzPayloads,
  fuzzAccepted: fuzz.fuzzAccepted,
  fuzzDbChanged: fuzz.fuzzDbChanged,
  fuzzCrashes: fuzz.fuzzCrashes,
  fuzzBadErrors: fuzz.fuzzBadErrors,
  fuzzPolluted: fuzz.fuzzPolluted,
  kills: crash.kills,
  acknowledged: crash.acknowledged,
  lost: crash.lost,
  integrityFailures: crash.integrityFailures,
  syncRuns: sync.syncRuns,
  syncDiverged: sync.syncDiverged,
  syncLost: sync.syncLost,
  durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  at: new Date().toISOString(),
  seed,
  details: {
    fuzzSeconds: Math.round(fuzzSeconds * 10) / 10,
    crashSeconds: Math.round(crashSeconds * 10) / 10,
    syncSeconds: Math.round(syncSeconds * 10) / 10,
    /** Runs whose converged logbooks differ from the merge rules' fold of the full history. */
    syncNotAsMerged: sync.syncNotAsMerged,
    /** Runs in which a sync reported a problem other than a file still arriving. */
    syncProblems: sync.syncProblems,
    syncExamples: sync.examples,
    fuzzPastSchema: fuzz.pastSchema,
    fuzzMessagesCut: fuzz.messagesCut,
    fuzzValidSent: fuzz.validSent,
    perChannel: fuzz.perChannel,
    perKind: fuzz.perKind,
    findings: fuzz.findings,
  },
};

const failures = [
  ...(
    [
      'fuzzAccepted',
      'fuzzDbChanged',
      'fuzzCrashes',
      'fuzzBadErrors',
      'fuzzPolluted',
      'lost',
      'integrityFailures',
      'syncDiverged',
      'syncLost',
    ] as const
  )
    .filter((key) => report[key] !== 0)
    .map((key) => `${key} is ${report[key]}`),
  ...(sync.syncNotAsMerged ? [`syncNotAsMerged is ${sync.syncNotAsMerged}`] : []),
  ...(sync.syncProblems ? [`syncProblems is ${sync.syncProblems}`] : []),
  ...(report.syncRuns < MIN_SYNC_RUNS ? [`only ${report.syncRuns} sync runs (at least ${MIN_SYNC_RUNS})`] : []),
  ...(report.fuzzPayloads < MIN_PAYLOADS
    ? [`only ${report.fuzzPayloads} fuzzed payloads (at least ${MIN_PAYLOADS})`]
    : []),
  ...(report.kills < MIN_KILLS ? [`only ${report.kills} kills (at least ${MIN_KILLS})`] : []),
  ...(report.acknowledged === 0 ? ['no entry was acknowledged: the crash trial tested nothing'] : []),
];

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const out = path.join(root, 'test-results', 'reliability.json');
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

const rows: [string, number | string, string][] = [
  [
    'fuzzed payloads',
    report.fuzzPayloads,
    `≥ ${MIN_PAYLOADS.toLocaleString('en')}, ${Object.keys(fuzz.perChannel).length} channels, ${fuzz.pastSchema} past the schema`,
  ],
  ['  accepted', report.fuzzAccepted, '0'],
  ['  database changed', report.fuzzDbChanged, '0'],
  ['  crashes', report.fuzzCrashes, '0'],
  ['  bad error envelopes', report.fuzzBadErrors, '0'],
  ['  prototype polluted', report.fuzzPolluted, '0'],
  ['kills (SIGKILL)', report.kills, `≥ ${MIN_KILLS}`],
  ['  acknowledged entries', report.acknowledged, '> 0'],
  ['  lost', report.lost, '0'],
  ['  integrity failures', report.integrityFailures, '0'],
  ['sync runs (3 machines)', report.syncRuns, `≥ ${MIN_SYNC_RUNS.toLocaleString('en')}`],
  ['  diverged', report.syncDiverged, '0'],
  ['  entries lost', report.syncLost, '0'],
  ['  not as merged', sync.syncNotAsMerged, '0'],
  ['  problems reported', sync.syncProblems, '0'],
  [
    'duration (s)',
    report.durationSeconds,
    `fuzz ${report.details.fuzzSeconds}, kills ${report.details.crashSeconds}, sync ${report.details.syncSeconds}`,
  ],
];
line('');
for (const [name, value, expected] of rows) line(`${name.padEnd(24)}${String(value).padStart(8)}   ${expected}`);
line('');
for (const finding of fuzz.findings.slice(0, 10))
  line(
    `  ${finding.problem} ${finding.channel} (${finding.kind}): ${finding.payload.slice(0, 160)} → ${finding.detail.slice(0, 200)}`,
  );
for (const example of sync.examples) line(`  sync: ${example.slice(0, 600)}`);
line(`Written to ${path.relative(process.cwd(), out)}.`);

if (failures.length) {
  line(`FAILED: ${failures.join('; ')}. The crash trial's database is kept at ${dbFile}; rerun with --seed ${seed}.`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
line('Passed.');
