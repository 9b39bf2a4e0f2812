// With NODE_V8_COVERAGE set (`npm run coverage` runs the tests of the esbuild bundles that way),
// Node writes a process's V8 coverage when it exits, but vitest ends its worker processes without a
// normal exit: write it after each test file instead.
import { takeCoverage } from 'node:v8';
import { afterAll } from 'vitest';

afterAll(() => takeCoverage());
