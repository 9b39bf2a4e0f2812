// The merge machinery compared for sync (docs/sync.md): @actual-app/crdt (Actual Budget's HLC and
// Merkle trie over SQLite), yjs, @automerge/automerge, and the app's own hand-written
// last-writer-wins registers (electron/sync/model.ts, hlc.ts). For each: the merge
// scenarios (who wins, what is lost), the time to apply 10,000 field changes from another replica,
// and what it adds to the app's bundle.
//
//   cp -r bench/sync-compare /tmp/sync-compare && cd /tmp/sync-compare && npm install
//   REPO=/path/to/the/repo node compare.mjs            # prints a JSON report
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as A from '@automerge/automerge';
import { Timestamp, makeClock, setClock, merkle, makeClientId } from '@actual-app/crdt';

const REPO = process.env.REPO ?? path.resolve(import.meta.dirname, '../..');
const N = 10_000; // field changes
const FIELDS = ['item_id', 'span', 'note', 'source', '_exists'];
const HOUR = 3_600_000;
const realNow = Date.now.bind(Date);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const timeIt = (fn, runs = 5) =>
  median(
    Array.from({ length: runs }, () => {
      const t = performance.now();
      fn();
      return performance.now() - t;
    }),
  );

// ------------------------------------------------------------------ the hand-written layer (same rules as electron/sync)
const pad = (n, w) => String(n).padStart(w, '0');
function lwwClock(device, now) {
  let ms = 0,
    counter = 0;
  return {
    send() {
      const w = now();
      if (w > ms) {
        ms = w;
        counter = 0;
      } else counter++;
      return `${pad(ms, 15)}:${pad(counter, 5)}:${device}`;
    },
    recv(h) {
      const [m, c] = h.split(':').map(Number);
      if (m > ms || (m === ms && c > counter)) {
        ms = m;
        counter = c;
      }
    },
  };
}
function lwwReplica(device, now) {
  const clock = lwwClock(device, now);
  const rows = new Map(); // key -> { field: [value, hlc] }
  const log = [];
  return {
    set(key, fields) {
      const h = clock.send();
      const row = rows.get(key) ?? {};
      const f = { ...fields, _exists: 1 };
      for (const k in f) row[k] = [f[k], h];
      rows.set(key, row);
      log.push({ k: key, h, f });
    },
    del(key) {
      const h = clock.send();
      const row = rows.get(key) ?? {};
      row._exists = [0, h];
      rows.set(key, row);
      log.push({ k: key, h, f: { _exists: 0 } });
    },
    apply(lines) {
      for (const { k, h, f } of lines) {
        const row = rows.get(k) ?? {};
        for (const x in f) if (!row[x] || h > row[x][1]) row[x] = [f[x], h];
        rows.set(k, row);
        clock.recv(h);
      }
    },
    get(key) {
      const r = rows.get(key);
      return r && r._exists?.[0] === 1 ? Object.fromEntries(Object.entries(r).map(([k, [v]]) => [k, v])) : undefined;
    },
    log,
  };
}

// ------------------------------------------------------------------ Actual's crdt: its clock and trie, with the LWW it leaves to the app
function actualReplica(node, now) {
  const clock = makeClock(new Timestamp(0, 0, node));
  const cells = new Map(); // row:field -> [value, timestamp string]
  const messages = [];
  const withClock = (fn) => {
    setClock(clock);
    const real = Date.now;
    Date.now = now;
    try {
      return fn();
    } finally {
      Date.now = real;
    }
  };
  return {
    set(key, fields) {
      withClock(() => {
        for (const [f, v] of Object.entries({ ...fields, _exists: 1 })) {
          const ts = Timestamp.send().toString();
          cells.set(`${key}:${f}`, [v, ts]);
          messages.push({ row: key, column: f, value: v, timestamp: ts });
          clock.merkle = merkle.insert(clock.merkle, Timestamp.parse(ts));
        }
      });
    },
    del(key) {
      withClock(() => {
        const ts = Timestamp.send().toString();
        cells.set(`${key}:_exists`, [0, ts]);
        messages.push({ row: key, column: '_exists', value: 0, timestamp: ts });
      });
    },
    apply(msgs) {
      return withClock(() => {
        let refused = 0;
        for (const m of msgs) {
          try {
            Timestamp.recv(Timestamp.parse(m.timestamp));
          } catch {
            refused++;
            continue;
          }
          const id = `${m.row}:${m.column}`;
          const cur = cells.get(id);
          if (!cur || m.timestamp > cur[1]) cells.set(id, [m.value, m.timestamp]);
          clock.merkle = merkle.insert(clock.merkle, Timestamp.parse(m.timestamp));
        }
        return refused;
      });
    },
    get(key) {
      if (cells.get(`${key}:_exists`)?.[0] !== 1) return undefined;
      const out = {};
      for (const [id, [v]] of cells) if (id.startsWith(`${key}:`)) out[id.slice(key.length + 1)] = v;
      return out;
    },
    messages,
  };
}

// ------------------------------------------------------------------ yjs and automerge: one document, rows as nested maps
function yReplica(clientID) {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const rows = doc.getMap('rows');
  return {
    doc,
    set(key, fields) {
      doc.transact(() => {
        let row = rows.get(key);
        if (!row) {
          row = new Y.Map();
          rows.set(key, row);
        }
        for (const [f, v] of Object.entries(fields)) row.set(f, v);
      });
    },
    del(key) {
      rows.delete(key);
    },
    get(key) {
      return rows.get(key)?.toJSON();
    },
  };
}
function amReplica(actor) {
  let doc = A.init({ actor });
  return {
    get doc() {
      return doc;
    },
    set doc(d) {
      doc = d;
    },
    set(key, fields) {
      doc = A.change(doc, (d) => {
        d.rows ??= {};
        d.rows[key] ??= {};
        Object.assign(d.rows[key], fields);
      });
    },
    del(key) {
      doc = A.change(doc, (d) => {
        if (d.rows?.[key]) delete d.rows[key];
      });
    },
    get(key) {
      return doc.rows?.[key] ? { ...doc.rows[key] } : undefined;
    },
  };
}

// ------------------------------------------------------------------ scenarios
function scenarios() {
  const out = {};
  // 1. The same item marked done on A at 10:00 and skipped on B at 11:00, both offline, clocks right.
  //    (The machine that makes the later choice is given the lower id, so an id-ordered merge shows it.)
  {
    let tA = Date.UTC(2026, 2, 2, 9),
      tB = tA;
    const a = lwwReplica('bbbbbbbbbbbbbbbb', () => tA),
      b = lwwReplica('aaaaaaaaaaaaaaaa', () => tB);
    a.set('1.1', { status: 'in_progress' });
    b.apply(a.log.splice(0)); // both saw the item started
    tA += HOUR;
    a.set('1.1', { status: 'done' });
    tB += 2 * HOUR;
    b.set('1.1', { status: 'skipped' });
    const la = [...a.log],
      lb = [...b.log];
    a.apply(lb);
    b.apply(la);
    out.lwwDoneThenSkipped = { a: a.get('1.1').status, b: b.get('1.1').status, expected: 'skipped (the later choice)' };
    const ya = yReplica(2),
      yb = yReplica(1);
    ya.set('1.1', { status: 'in_progress' });
    Y.applyUpdate(yb.doc, Y.encodeStateAsUpdate(ya.doc));
    ya.set('1.1', { status: 'done' });
    yb.set('1.1', { status: 'skipped' });
    const ua = Y.encodeStateAsUpdate(ya.doc),
      ub = Y.encodeStateAsUpdate(yb.doc);
    Y.applyUpdate(ya.doc, ub);
    Y.applyUpdate(yb.doc, ua);
    out.yjsDoneThenSkipped = {
      a: ya.get('1.1').status,
      b: yb.get('1.1').status,
      note: 'a concurrent write is decided by clientID, not by time',
    };
    const ma = amReplica('bb'),
      mb = amReplica('aa');
    ma.set('1.1', { status: 'in_progress' });
    mb.doc = A.merge(mb.doc, ma.doc);
    ma.set('1.1', { status: 'done' });
    mb.set('1.1', { status: 'skipped' });
    const da = A.clone(ma.doc);
    ma.doc = A.merge(ma.doc, mb.doc);
    mb.doc = A.merge(mb.doc, da);
    out.automergeDoneThenSkipped = {
      a: ma.get('1.1').status,
      b: mb.get('1.1').status,
      conflictsKept: Object.keys(A.getConflicts(ma.doc.rows['1.1'], 'status') ?? {}).length,
      note: 'decided by (counter, actor), not by time; the loser is kept as a conflict',
    };
  }
  // 1b. The same, but B's clock runs 12 h slow: the hybrid clock still orders B's change after
  //     everything B had seen, but against A's concurrent change the slow clock loses.
  {
    let tA = Date.UTC(2026, 2, 2, 9),
      tB = tA - 12 * HOUR;
    const a = lwwReplica('bbbbbbbbbbbbbbbb', () => tA),
      b = lwwReplica('aaaaaaaaaaaaaaaa', () => tB);
    a.set('1.1', { status: 'in_progress' });
    b.apply(a.log.splice(0));
    tA += HOUR;
    a.set('1.1', { status: 'done' });
    tB += 2 * HOUR;
    b.set('1.1', { status: 'skipped' });
    b.set('1.1', { notes: 'after skipping' });
    const la = [...a.log],
      lb = [...b.log];
    a.apply(lb);
    b.apply(la);
    out.lwwSlowClock = {
      a: a.get('1.1'),
      b: b.get('1.1'),
      note: "B's own two changes stay in order; the concurrent status goes to A, whose clock reads later",
    };
  }
  // 2. A deletes an entry; B, offline, edits its note later. Does the entry survive (the later edit)?
  {
    const t = Date.UTC(2026, 2, 2, 10);
    const a = lwwReplica('aaaaaaaaaaaaaaaa', () => t),
      b = lwwReplica('bbbbbbbbbbbbbbbb', () => t + HOUR);
    a.set('e1', { note: 'x' });
    b.apply(a.log.splice(0));
    a.del('e1');
    b.set('e1', { note: 'fixed later' });
    const la = [...a.log],
      lb = [...b.log];
    a.apply(lb);
    b.apply(la);
    out.lwwDeleteThenLaterEdit = { a: a.get('e1')?.note ?? null, b: b.get('e1')?.note ?? null };
    const ya = yReplica(1),
      yb = yReplica(2);
    ya.set('e1', { note: 'x' });
    Y.applyUpdate(yb.doc, Y.encodeStateAsUpdate(ya.doc));
    ya.del('e1');
    yb.set('e1', { note: 'fixed later' });
    const ua = Y.encodeStateAsUpdate(ya.doc),
      ub = Y.encodeStateAsUpdate(yb.doc);
    Y.applyUpdate(ya.doc, ub);
    Y.applyUpdate(yb.doc, ua);
    out.yjsDeleteThenLaterEdit = {
      a: ya.get('e1')?.note ?? null,
      b: yb.get('e1')?.note ?? null,
      note: 'a delete of the row wins over any edit inside it',
    };
    const ma = amReplica('aa'),
      mb = amReplica('bb');
    ma.set('e1', { note: 'x' });
    mb.doc = A.merge(mb.doc, ma.doc);
    ma.del('e1');
    mb.set('e1', { note: 'fixed later' });
    const da = A.clone(ma.doc);
    ma.doc = A.merge(ma.doc, mb.doc);
    mb.doc = A.merge(mb.doc, da);
    out.automergeDeleteThenLaterEdit = { a: ma.get('e1')?.note ?? null, b: mb.get('e1')?.note ?? null };
  }
  // 3. Actual's clock and a machine 12 h ahead: its changes are refused (maxDrift, 5 minutes by default).
  {
    const now = Date.UTC(2026, 2, 2, 10);
    const ahead = actualReplica(makeClientId(), () => now + 12 * HOUR),
      here = actualReplica(makeClientId(), () => now);
    ahead.set('e1', { note: 'from the fast clock' });
    const refused = here.apply(ahead.messages);
    out.actualSkewed12h = {
      messages: ahead.messages.length,
      refused,
      note: 'Timestamp.recv throws ClockDriftError; maxDrift can be raised (Timestamp.init), the check then stops guarding anything',
    };
  }
  return out;
}

// ------------------------------------------------------------------ speed: apply N field changes made on another replica
function speed() {
  const rows = N / FIELDS.length;
  const fieldsOf = (i) => ({
    item_id: `${(i % 9) + 1}.1`,
    span: [i * 60000, i * 60000 + 45 * 60000],
    note: i % 4 ? '' : `session ${i}`,
    source: 'manual',
  });
  const out = {};
  {
    const src = lwwReplica('aaaaaaaaaaaaaaaa', () => realNow());
    for (let i = 0; i < rows; i++) src.set(`r${i}`, fieldsOf(i));
    const wire = JSON.stringify(src.log);
    out.lwwApplyMs = timeIt(() => {
      const dst = lwwReplica('bbbbbbbbbbbbbbbb', () => realNow());
      dst.apply(JSON.parse(wire));
    });
    out.lwwWireKB = wire.length / 1000;
  }
  {
    const src = actualReplica(makeClientId(), () => realNow());
    for (let i = 0; i < rows; i++) src.set(`r${i}`, fieldsOf(i));
    const wire = JSON.stringify(src.messages);
    out.actualApplyMs = timeIt(() => {
      const dst = actualReplica(makeClientId(), () => realNow());
      dst.apply(JSON.parse(wire));
    });
    out.actualWireKB = wire.length / 1000;
  }
  {
    const src = yReplica(1);
    for (let i = 0; i < rows; i++) src.set(`r${i}`, fieldsOf(i));
    const update = Y.encodeStateAsUpdate(src.doc);
    out.yjsApplyMs = timeIt(() => {
      const dst = new Y.Doc();
      Y.applyUpdate(dst, update);
      dst.getMap('rows').toJSON();
    });
    out.yjsWireKB = update.length / 1000;
  }
  {
    const src = amReplica('aa');
    src.doc = A.change(src.doc, (d) => {
      d.rows = {};
      for (let i = 0; i < rows; i++) d.rows[`r${i}`] = fieldsOf(i);
    });
    const bytes = A.save(src.doc);
    out.automergeApplyMs = timeIt(() => {
      const dst = A.load(bytes);
      void dst.rows.r0;
    }, 3);
    out.automergeWireKB = bytes.length / 1000;
  }
  return out;
}

// ------------------------------------------------------------------ bundle size: what each adds to main's bundle, minified
async function size(entry, external = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-size-'));
  const file = path.join(dir, 'entry.mjs');
  writeFileSync(file, entry);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    external,
    absWorkingDir: import.meta.dirname,
    nodePaths: [path.join(import.meta.dirname, 'node_modules')],
    logLevel: 'silent',
    outdir: path.join(dir, 'out'),
    loader: { '.wasm': 'file' },
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).reduce((n, f) => n + f.contents.length, 0);
  const other = result.outputFiles.filter((f) => !f.path.endsWith('.js')).reduce((n, f) => n + f.contents.length, 0);
  const gz = gzipSync(Buffer.concat(result.outputFiles.map((f) => Buffer.from(f.contents)))).length;
  return {
    minifiedKB: Math.round(js / 100) / 10,
    otherAssetsKB: Math.round(other / 100) / 10,
    gzipKB: Math.round(gz / 100) / 10,
  };
}

async function sizes() {
  const wasm = path.join(import.meta.dirname, 'node_modules/@automerge/automerge/dist/automerge.wasm');
  return {
    actual: await size(`export * from '@actual-app/crdt';`),
    yjs: await size(`export * from 'yjs';`),
    automerge: {
      ...(await size(`export * from '@automerge/automerge';`)),
      wasmFileKB: Math.round(statSync(wasm).size / 100) / 10,
    },
    handWritten: await size(`export * from '${path.join(REPO, 'electron/sync/engine.ts').replaceAll('\\', '/')}';`, [
      'zod',
      'better-sqlite3',
      'electron',
    ]),
  };
}

const report = {
  node: process.version,
  at: new Date().toISOString(),
  fieldChanges: N,
  scenarios: scenarios(),
  speed: speed(),
  bundle: await sizes(),
};
console.log(JSON.stringify(report, null, 2));
