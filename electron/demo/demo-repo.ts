// The demo learner's git repository: "realtime-inference-service", the work on Project 4.3, made with
// isomorphic-git in the data folder and linked to the item, so the Repository section has something
// to show in the browser version. Alex commits during the sessions they logged on 4.3, and on three
// evenings they logged nothing for it: those become suggested sessions. Same logbook, same repository
// (commit ids included).
import fs from 'node:fs';
import path from 'node:path';
import { add, addRemote, commit, init } from 'isomorphic-git';
import type { TimeEntry } from '../../shared/schemas/time';
import { MINUTE_MS } from '../../shared/time';
import { handlers, type HandlerContext } from '../handlers';
import { dispatch, dispatchAsync } from '../ipc/dispatch';
import { localDateOf, startOfLocalDate } from '../stats/local-days';
import { DEMO_LEARNER_NAME } from './story';

export const DEMO_REPO_ITEM = '4.3';
const NAME = 'realtime-inference-service';
const REMOTE = `https://github.com/alex-rivera/${NAME}.git`;

const README = `# Real-time inference service

Project 4.3 of my MLOps study plan: a model behind a Kafka stream that answers in under 100 ms.

## How it works

A consumer reads feature events from Kafka, batches them for a few milliseconds and sends them to
TensorFlow Serving over gRPC. The answers go back on a reply topic. Everything runs on Kubernetes
(manifests in \`k8s/\`); \`docker compose up\` starts Kafka and the model server on a laptop.

## Run it locally

    pip install -r requirements.txt
    docker compose up -d
    python -m app.consumer

## Results so far

p95 latency is 40 ms at 200 requests a second on my laptop. Next: a load test and autoscaling.
`;

/** What the repository holds after each step, in the order Alex builds it. */
const STEPS: readonly { message: string; files: Record<string, string> }[] = [
  {
    message: 'Project skeleton',
    files: {
      'README.md': '# Real-time inference service\n\nWork in progress.\n',
      'requirements.txt': 'kafka-python==2.0.2\ntensorflow-serving-api==2.15.1\ngrpcio==1.62.0\nprometheus-client\n',
      'app/__init__.py': '',
    },
  },
  {
    message: 'Kafka consumer reads the feature stream',
    files: { 'app/consumer.py': 'from kafka import KafkaConsumer\n' },
  },
  { message: 'Call the model server over gRPC', files: { 'app/predict.py': 'import grpc\n' } },
  {
    message: 'Dockerfile for TensorFlow Serving',
    files: { Dockerfile: 'FROM tensorflow/serving:2.15.1\nCOPY models/ /models/\n' },
  },
  {
    message: 'docker compose: Kafka and the model server',
    files: { 'docker-compose.yml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n' },
  },
  {
    message: 'Kubernetes deployment and service',
    files: {
      'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: inference\n',
      'k8s/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: inference\n',
    },
  },
  { message: 'Measure latency: p95 at 40 ms', files: { 'tests/test_latency.py': 'def test_latency(): ...\n' } },
  { message: 'README: how to run it locally', files: { 'README.md': README } },
  { message: 'CI: run the tests on every push', files: { '.github/workflows/ci.yml': 'on: push\njobs: {}\n' } },
];
const TWEAKS = [
  'Batch requests for 5 ms before calling the server',
  'Handle consumer rebalances',
  'Retry the model server once on UNAVAILABLE',
  'Tidy the consumer loop',
  'Expose a /metrics endpoint',
  'Pin the model version in the deployment',
];

/** When Alex commits: twice in each session logged on 4.3, and on three evenings with nothing logged for it. */
function commitTimes(sessions: readonly TimeEntry[], today: number): number[] {
  const times: number[] = [];
  for (const s of sessions) {
    const length = s.endedAt - s.startedAt;
    times.push(s.startedAt + Math.round(length * 0.45), s.endedAt - 5 * MINUTE_MS);
  }
  const logged = new Set(sessions.map((s) => localDateOf(s.startedAt)));
  // The three most recent evenings of the last two weeks with no time logged on 4.3 (one of them
  // may come before the first session logged on it: the repository was begun first).
  const evenings: number[] = [];
  let midnight = startOfLocalDate(localDateOf(today));
  for (let back = 1; back <= 14 && evenings.length < 3; back++) {
    midnight = startOfLocalDate(localDateOf(midnight - 12 * 60 * MINUTE_MS));
    if (!logged.has(localDateOf(midnight))) evenings.push(midnight);
  }
  for (const [i, evening] of evenings.entries()) {
    const start = evening + (19 * 60 + 5 * i) * MINUTE_MS;
    times.push(start, start + 35 * MINUTE_MS, ...(i === 0 ? [start + 80 * MINUTE_MS] : []));
  }
  return times.filter((t) => t < today).sort((a, b) => a - b);
}

/**
 * Writes the demo repository into `folder` (made afresh) and links it to Project 4.3. Call after
 * fillDemoLearner, with the same context; returns how many commits it made.
 */
export async function writeDemoRepository(ctx: HandlerContext, folder: string): Promise<number> {
  const listed = dispatch(handlers, ctx, 'time.list', { itemId: DEMO_REPO_ITEM, limit: 500 });
  if (!listed.ok) throw new Error(`The demo repository could not be made: ${listed.error.message}`);
  const sessions = (listed.value as { entries: TimeEntry[] }).entries;
  if (sessions.length === 0) throw new Error(`The demo learner has no time on ${DEMO_REPO_ITEM} to commit beside.`);
  const times = commitTimes(sessions, ctx.now());

  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  await init({ fs, dir: folder, defaultBranch: 'main' });
  await addRemote({ fs, dir: folder, remote: 'origin', url: REMOTE });
  for (const [i, at] of times.entries()) {
    const step = STEPS[i] ?? { message: TWEAKS[(i - STEPS.length) % TWEAKS.length]!, files: {} };
    const files = Object.keys(step.files).length > 0 ? step.files : { 'app/consumer.py': `# revision ${i}\n` };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      fs.writeFileSync(path.join(folder, file), text);
      await add({ fs, dir: folder, filepath: file });
    }
    const who = {
      name: DEMO_LEARNER_NAME,
      email: 'alex.rivera@example.com',
      timestamp: Math.floor(at / 1000),
      timezoneOffset: new Date(at).getTimezoneOffset(),
    };
    await commit({ fs, dir: folder, message: step.message, author: who, committer: who });
  }
  const linked = await dispatchAsync(handlers, ctx, 'repo.link', { itemId: DEMO_REPO_ITEM, folder });
  if (!linked.ok) throw new Error(`The demo repository could not be linked: ${linked.error.message}`);
  return times.length;
}

/** Where the demo repository goes: beside the demo's database, in demo-repos/. */
export const demoRepositoryFolder = (dbFile: string) => path.join(path.dirname(dbFile), 'demo-repos', NAME);
