// The sync property on every `npm test`, with few runs; `npm run test:reliability` runs it 1,000+
// times (test/reliability/run.ts). The simulation is test/reliability/sync.ts.
import { expect, it } from 'vitest';
import { runSyncProperty } from '../reliability/sync';

it(
  'three machines, random edits and deliveries: all converge on the merge of the full history, nothing lost',
  { timeout: 120_000 },
  () => {
    const result = runSyncProperty({ runs: 40, seed: 20260302, stopOnFailure: true });
    expect(result).toMatchObject({ syncRuns: 40, syncDiverged: 0, syncLost: 0, syncNotAsMerged: 0 });
  },
);
