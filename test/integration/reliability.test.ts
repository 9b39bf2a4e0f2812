// The reliability checks, small enough for every `npm test`: 1,000 fuzzed IPC payloads over every
// channel, and 10 SIGKILLs of a process logging time. The full run is `npm run test:reliability`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract';
import { runCrashTrial } from '../reliability/crash';
import { runFuzz } from '../reliability/fuzz';

const SEED = 20260302;
const dir = mkdtempSync(path.join(tmpdir(), 'companion-reliability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reliability', () => {
  it(
    'refuses 1,000 fuzzed payloads on every channel: no acceptance, no write, no crash, short typed errors',
    { timeout: 30_000 },
    async () => {
      const result = await runFuzz({ payloads: 1000, seed: SEED });
      const findings = JSON.stringify(result.findings.filter((f) => f.problem !== 'message-cut').slice(0, 5), null, 1);
      expect(result.fuzzPayloads).toBeGreaterThanOrEqual(1000);
      expect(Object.keys(result.perChannel).sort()).toEqual([...channels].sort());
      expect(new Set(Object.values(result.perChannel)).size, 'spread evenly').toBe(1);
      expect(result.pastSchema, 'some payloads reach the handlers').toBeGreaterThan(50);
      expect(
        {
          accepted: result.fuzzAccepted,
          dbChanged: result.fuzzDbChanged,
          crashes: result.fuzzCrashes,
          badErrors: result.fuzzBadErrors,
          polluted: result.fuzzPolluted,
        },
        findings,
      ).toEqual({ accepted: 0, dbChanged: 0, crashes: 0, badErrors: 0, polluted: 0 });
    },
  );

  it(
    'loses no acknowledged entry and keeps the file sound over 10 SIGKILLs mid-write',
    { timeout: 45_000 },
    async () => {
      const result = await runCrashTrial({ kills: 10, dbFile: path.join(dir, 'crash.db'), seed: SEED });
      expect(result.kills).toBe(10);
      expect(result.acknowledged).toBeGreaterThan(0);
      expect({ lost: result.lost, integrityFailures: result.integrityFailures }).toEqual({
        lost: 0,
        integrityFailures: 0,
      });
    },
  );
});
