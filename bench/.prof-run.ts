import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getCurriculum } from '../curriculum';
import { benchSyncApply } from './sync';
const work = mkdtempSync(path.join(tmpdir(), 'syncprof-'));
console.log(JSON.stringify(benchSyncApply(work, getCurriculum()), null, 1));
