// npm run bench [-- --latency 50 --runs 5 --baseline DIR]: the action's speed against the local
// Google Cloud with a fixed latency on every request. Runs the bundle (dist/, or
// CLOUD_RUN_CRON_DIST) as the runner does, on Node 24, for a first deploy and a no-op rerun of a
// job with a schedule and a digest-pinned image, and for one long execution to measure the smoke
// test's polling; `--fleet-smoke-only` runs only the fleet smoke tests against Cloud Logging's
// read quota, `--fleet-quota-only [--fleet-quota N]` only the fleet at Cloud Scheduler's request
// quotas. --baseline DIR (another build's dist/, e.g. main's) adds start-up of both bundles,
// measured turn about in the same run, so a change's start-up cost is one figure (with
// --startup-only, only that).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeGcp, type FakeGcp, type RequestLogEntry } from '../fake/server.ts';
import { jobInputs } from '../test/integration/setup.ts';
import { BUNDLE, NODE24, runAction, type ActionRun } from './lib/run-action.ts';

const BASELINE = ((i) => (i >= 0 ? process.argv[i + 1] : undefined))(process.argv.indexOf('--baseline'));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const LATENCY = arg('latency', 50);
const RUNS = arg('runs', 5);
const LONG_TASK_MS = arg('long-task', 6000);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The longest sequence of requests that do not overlap in time: each had to wait for the one before. */
function longestChain(log: RequestLogEntry[]): number {
  const rs = [...log].sort((a, b) => a.start - b.start);
  const dp: number[] = [];
  for (let i = 0; i < rs.length; i++) {
    dp[i] = 1;
    for (let j = 0; j < i; j++) if (rs[j]!.end <= rs[i]!.start && dp[j]! + 1 > dp[i]!) dp[i] = dp[j]! + 1;
  }
  return Math.max(0, ...dp);
}

const isPoll = (r: RequestLogEntry, smokeStart: number) =>
  r.method === 'GET' && (/\/operations\/[^/]+$/.test(r.path) || /\/executions\/[^/]+$/.test(r.path) || r.start >= smokeStart);

interface Measured {
  firstMs: number;
  requests: number;
  chain: number;
  wallMs: number;
  boundMs: number;
  waitsMs: number;
  essential: number;
  waits: number;
  beforeSmoke: number;
  noticeMs?: number;
}

/**
 * The lower bound of a run: what a client with no start-up and no overhead of its own would
 * need. It must make the requests that are not polls, one after another where the log shows
 * they depended on each other (the longest chain of non-overlapping non-poll requests), each
 * costing the latency; and at each server-side wait (an operation, the Scheduler's dispatch +
 * the execution's provisioning + its task) it must wait that long and then make one read to see
 * the end. bound = (essential chain + one read per wait) x latency + sum of waits.
 */
function measure(fake: FakeGcp, log: RequestLogEntry[], run: ActionRun, since: number): Measured {
  const smoke = log.find((r) => r.method === 'POST' && /:run$/.test(r.path));
  const smokeStart = smoke?.start ?? Infinity;
  const essential = longestChain(log.filter((r) => !isPoll(r, smokeStart)));
  const operations = log.filter((r) => r.method === 'POST' && /\/jobs$/.test(r.path) && r.service === 'run').length +
    log.filter((r) => r.method === 'PATCH' && r.service === 'run').length;
  const t = fake.timings;
  const provisioning = Math.min(30, t.taskMs / 5);
  const waits = [...Array<number>(operations).fill(t.operationMs), ...(smoke ? [20 + provisioning + t.taskMs] : [])];
  const waitsMs = waits.reduce((a, b) => a + b, 0);
  const boundMs = (essential + waits.length) * LATENCY + waitsMs;
  const beforeSmoke = longestChain(log.filter((r) => r.end <= smokeStart));
  return {
    firstMs: log[0]!.at - run.spawnedAt,
    requests: log.length,
    chain: longestChain(log),
    wallMs: run.wallMs,
    boundMs,
    waitsMs,
    essential,
    waits: waits.length,
    beforeSmoke,
    noticeMs: noticeDelay(fake, log, run, since),
  };
}

/**
 * A manifest of `n` digest-pinned workloads with a schedule each, in `dir` (default: a fresh
 * workspace): jobs, or services on one image whose digest is `digest` repeated.
 */
function fleetWorkspace(fake: FakeGcp, prefix: string, n: number, opts: { services?: boolean; digest?: string; dir?: string } = {}): string {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  const w = fake.world;
  const digest = (opts.digest ?? 'a').repeat(64);
  const workloads = Array.from({ length: n }, (_, i) =>
    opts.services
      ? `  - name: ${prefix}-${i}\n    kind: service\n    image: us-docker.pkg.dev/${w.projectId}/apps/web@sha256:${digest}\n    schedule: '*/30 * * * *'`
      : `  - name: ${prefix}-${i}\n    image: us-docker.pkg.dev/${w.projectId}/apps/w${i}@sha256:${digest}\n    schedule: '${i % 60} 3 * * *'`,
  ).join('\n');
  writeFileSync(join(dir, 'fleet.yaml'), `version: 1
fleet: ${prefix}
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
workloads:
${workloads}
`);
  return dir;
}

/**
 * Fleet mode: a fresh 20-workload fleet with max_parallel 4 and no smoke test, against
 * the bound read phase + ceil(20 / 4) x one fresh workload's write chain; and a no-op rerun of a
 * 50-workload fleet: its sequential round trips and its wall time against a single-workload no-op rerun.
 */
async function benchFleet(fake: FakeGcp, stamp: string, singleRerunMs: number, row: (label: string, xs: number[], unit?: string, digits?: number) => string): Promise<void> {
  const w = fake.world;
  const base = { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'fleet.yaml', smoke_test: 'false' };
  const chainSpan = (log: RequestLogEntry[]): number => {
    const writes = log.filter((r) => r.method !== 'GET' && (r.service === 'run' || r.service === 'scheduler'));
    const polls = log.filter((r) => r.method === 'GET' && /\/operations\//.test(r.path));
    const all = [...writes, ...polls];
    return all.length ? Math.max(...all.map((r) => r.end)) - Math.min(...writes.map((r) => r.start)) : 0;
  };
  const fresh: { wall: number; bound: number; read: number; chain: number }[] = [];
  const rerun: { wall: number; trips: number }[] = [];
  for (let i = 1; i <= Math.min(RUNS, 3); i++) {
    // One fresh workload's write chain: the first write to the end of its last write (and operation read).
    let since = fake.requests.length;
    const one = await runAction({ inputs: { ...jobInputs(fake, `fb-${stamp}-one-${i}`), smoke_test: 'false' }, env: fake.env() });
    if (one.code !== 0) throw new Error(`single fresh run failed:\n${one.stdout}`);
    const chain = chainSpan(fake.requests.slice(since));

    const dir = fleetWorkspace(fake, `f20-${stamp}-${i}`, 20);
    since = fake.requests.length;
    const run = await runAction({ inputs: { ...base, max_parallel: '4' }, env: { ...fake.env(), GITHUB_WORKSPACE: dir } });
    if (run.code !== 0) throw new Error(`fleet of 20 failed:\n${run.stdout}`);
    const log = fake.requests.slice(since);
    const firstWrite = Math.min(...log.filter((r) => r.method !== 'GET' && (r.service === 'run' || r.service === 'scheduler')).map((r) => r.at));
    const read = firstWrite - run.spawnedAt;
    fresh.push({ wall: run.wallMs, read, chain, bound: read + Math.ceil(20 / 4) * chain });

    const dir50 = fleetWorkspace(fake, `f50-${stamp}-${i}`, 50);
    const first = await runAction({ inputs: { ...base, max_parallel: '8' }, env: { ...fake.env(), GITHUB_WORKSPACE: dir50 } });
    if (first.code !== 0) throw new Error(`fleet of 50 failed:\n${first.stdout}`);
    since = fake.requests.length;
    const again = await runAction({ inputs: { ...base, smoke_test: '' }, env: { ...fake.env(), GITHUB_WORKSPACE: dir50 } });
    if (again.code !== 0) throw new Error(`fleet of 50 rerun failed:\n${again.stdout}`);
    rerun.push({ wall: again.wallMs, trips: longestChain(fake.requests.slice(since)) });
  }
  console.log('Fleet mode (manifest of digest-pinned jobs with a schedule each), median (each run):');
  console.log(row('fresh 20, max_parallel 4, no smoke: wall', fresh.map((x) => x.wall), ' ms'));
  console.log(row('  read phase (start -> first write)', fresh.map((x) => x.read), ' ms'));
  console.log(row('  one fresh workload\'s write chain', fresh.map((x) => x.chain), ' ms'));
  console.log(row('  bound: read + ceil(20/4) x chain', fresh.map((x) => x.bound), ' ms'));
  console.log(row('  wall / bound (goal <= 1.3)', fresh.map((x) => x.wall / x.bound), '', 2));
  console.log(row('no-op rerun of 50: wall', rerun.map((x) => x.wall), ' ms'));
  console.log(row('  sequential round trips (goal <= 6)', rerun.map((x) => x.trips)));
  console.log(row('  wall / single-workload no-op rerun (goal <= 2)', rerun.map((x) => x.wall / singleRerunMs), '', 2));
  console.log('');
}

/**
 * Cloud Logging's read quota (60 entries.list a minute per project, shared with every other
 * reader): a 50-service fleet is redeployed with smoke tests, each attempt's status the same as
 * the one before, so only its log entry confirms it in time. Goal: every smoke test confirmed, at
 * most 20 log reads a minute.
 */
async function benchFleetSmoke(fake: FakeGcp, stamp: string): Promise<void> {
  const w = fake.world;
  const n = arg('fleet-smoke', 50);
  const base = { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'fleet.yaml', smoke_test: 'true', max_parallel: '10' };
  const prefix = `fs-${stamp}`;
  const dir = fleetWorkspace(fake, prefix, n, { services: true, digest: 'a' });
  const first = await runAction({ inputs: base, env: { ...fake.env(), GITHUB_WORKSPACE: dir } });
  if (first.code !== 0) throw new Error(`fleet of ${n} services failed:\n${first.stdout}`);
  fleetWorkspace(fake, prefix, n, { services: true, digest: 'b', dir });
  const since = fake.requests.length;
  const throttledBefore = fake.logReadsThrottled();
  const again = await runAction({ inputs: base, env: { ...fake.env(), GITHUB_WORKSPACE: dir } });
  const reads = fake.requests.slice(since).filter((r) => r.path === '/v2/entries:list').map((r) => r.start);
  const perMinute = reads.length / (again.wallMs / 60_000);
  const busiest = Math.max(0, ...reads.map((t) => reads.filter((u) => u >= t && u < t + 60_000).length));
  const confirmed = (again.stdout.match(/confirmed by the attempt's AttemptFinished entry in Cloud Logging/g) ?? []).length;
  const results = again.outputs.results ? (JSON.parse(again.outputs.results) as { execution_status: string }[]) : [];
  const succeeded = results.filter((r) => r.execution_status === 'succeeded').length;
  console.log(`Fleet smoke tests against Cloud Logging's read quota (${n} services redeployed, max_parallel 10, quota 60 reads/min):`);
  console.log(`  wall time                                     ${again.wallMs.toFixed(0)} ms${again.code === 0 ? '' : ' (FAILED)'}`);
  console.log(`  log reads per minute (busiest 60 s)           ${busiest} (goal <= 20); ${reads.length} reads in all${again.wallMs >= 60_000 ? `, ${perMinute.toFixed(1)}/min on average` : ''}`);
  console.log(`  answered 429                                  ${fake.logReadsThrottled() - throttledBefore}`);
  console.log(`  smoke tests succeeded                         ${succeeded} of ${n}; confirmed by their log entry: ${confirmed}`);
  console.log('');
}

/**
 * Cloud Scheduler's request quotas (500 writes, 1,250 reads a minute per project) on: a fresh
 * 500-job fleet against the quota-bound minimum (Scheduler writes needed / 500 a minute), and its
 * no-op rerun's sequential round trips and wall time against a single-workload no-op rerun.
 */
async function benchFleetAtQuota(stamp: string, singleRerunMs: number): Promise<void> {
  const n = arg('fleet-quota', 500);
  const fake = await startFakeGcp({ quiet: true, latencyMs: LATENCY });
  try {
    fake.setSchedulerQuotas();
    const w = fake.world;
    const dir = fleetWorkspace(fake, `fq-${stamp}`, n);
    const base = { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'fleet.yaml', smoke_test: 'false', max_parallel: '50' };
    let since = fake.requests.length;
    const fresh = await runAction({ inputs: base, env: { ...fake.env(), GITHUB_WORKSPACE: dir } });
    const log = fake.requests.slice(since);
    const writes = log.filter((r) => r.service === 'scheduler' && r.method !== 'GET' && r.status < 400).length;
    const throttled = fake.schedulerThrottled();
    const results = fresh.outputs.results ? (JSON.parse(fresh.outputs.results) as { status?: string; changed?: boolean }[]) : [];
    const failed = fresh.code === 0 ? 0 : (fresh.stdout.match(/^::error::(\d+) failures/m)?.[1] ?? 'some');
    const minimumMs = (writes / 500) * 60_000;
    since = fake.requests.length;
    const again = await runAction({ inputs: base, env: { ...fake.env(), GITHUB_WORKSPACE: dir } });
    const trips = longestChain(fake.requests.slice(since));
    console.log(`Fleet at Cloud Scheduler's quotas (${n} fresh jobs with a schedule each, max_parallel 50, quotas 500 writes / 1,250 reads a minute):`);
    console.log(`  wall time                                     ${fresh.wallMs.toFixed(0)} ms; failed workloads: ${failed} (of ${results.length || n})`);
    console.log(`  Scheduler writes / quota-bound minimum        ${writes} writes -> ${minimumMs.toFixed(0)} ms; wall / minimum ${(fresh.wallMs / minimumMs).toFixed(2)} (goal <= 1.2)`);
    console.log(`  answered 429 (reads, writes)                  ${throttled.read}, ${throttled.write}`);
    console.log(`  no-op rerun: wall                             ${again.wallMs.toFixed(0)} ms${again.code === 0 ? '' : ' (FAILED)'}; / single no-op rerun ${(again.wallMs / singleRerunMs).toFixed(2)} (goal <= 2)`);
    console.log(`  no-op rerun: sequential round trips           ${trips} (goal <= 6)`);
    console.log('');
  } finally {
    await fake.close();
  }
}

/** ms from the execution's completionTime to the end of the action's first read that saw it. */
function noticeDelay(fake: FakeGcp, log: RequestLogEntry[], run: ActionRun, _since: number): number | undefined {
  const name = run.outputs.execution;
  const exec = fake.executions().find((e) => e.name === name);
  if (!exec?.completionTime) return undefined;
  const completed = Date.parse(String(exec.completionTime));
  const reads = log.filter((r) => r.method === 'GET' && r.path === `/v2/${name}`);
  // The fake applies the latency before its handler: a read saw the end if its handler ran after it.
  const saw = reads.find((r) => r.at + LATENCY >= completed);
  return saw ? saw.at + (saw.end - saw.start) - completed : undefined;
}

/** A bare Node process that sends one request: the floor of "first request" on this machine. */
async function bareNodeFirstRequest(fake: FakeGcp): Promise<number> {
  const before = fake.requests.length;
  const spawnedAt = Date.now();
  const child = spawn(NODE24, ['--input-type=module', '-e', `import { request } from 'node:http'; request(${JSON.stringify(`${fake.url}/github/bare`)}).end();`], { stdio: 'ignore' });
  await new Promise((r) => child.on('close', r));
  const entry = fake.requests.slice(before)[0];
  return entry ? entry.at - spawnedAt : NaN;
}

/**
 * Start-up of this bundle against another build (--baseline DIR), turn about, each a first
 * deploy of a fresh job: process start -> first request, and the whole run's wall time.
 */
async function benchBaseline(fake: FakeGcp, stamp: string, row: (label: string, xs: number[], unit?: string, digits?: number) => string): Promise<void> {
  const other = join(BASELINE!, 'index.js');
  const first: Record<'baseline' | 'this', number[]> = { baseline: [], this: [] };
  const wall: Record<'baseline' | 'this', number[]> = { baseline: [], this: [] };
  for (let i = 1; i <= RUNS; i++) {
    for (const which of i % 2 ? (['baseline', 'this'] as const) : (['this', 'baseline'] as const)) {
      const since = fake.requests.length;
      const run = await runAction({ inputs: { ...jobInputs(fake, `base-${stamp}-${which === 'this' ? 't' : 'b'}-${i}`), smoke_test: 'false' }, env: fake.env(), bundle: which === 'this' ? BUNDLE : other });
      if (run.code !== 0) throw new Error(`${which} run ${i} failed:\n${run.stdout}\n${run.stderr}`);
      first[which].push(fake.requests[since]!.at - run.spawnedAt);
      wall[which].push(run.wallMs);
    }
  }
  const delta = first.this.map((x, i) => x - first.baseline[i]!);
  console.log(`Start-up against the baseline ${other} (first deploy, no smoke test; turn about), median (each run):`);
  console.log(row('baseline: process start -> first request', first.baseline, ' ms'));
  console.log(row('this: process start -> first request', first.this, ' ms'));
  console.log(row('this - baseline (pairwise)', delta, ' ms'));
  console.log(row('baseline: wall time', wall.baseline, ' ms'));
  console.log(row('this: wall time', wall.this, ' ms'));
  console.log('');
}

async function main(): Promise<void> {
  const fake = await startFakeGcp({ quiet: true, latencyMs: LATENCY });
  if (process.argv.includes('--fleet-quota-only')) {
    await benchFleetAtQuota(Date.now().toString(36).slice(-4), arg('single-rerun-ms', NaN));
    await fake.close();
    return;
  }
  if (process.argv.includes('--fleet-smoke-only')) {
    await benchFleetSmoke(fake, Date.now().toString(36).slice(-4));
    await fake.close();
    return;
  }
  const results: Record<'first' | 'rerun', Measured[]> = { first: [], rerun: [] };
  const bare: number[] = [];
  const stamp = Date.now().toString(36).slice(-4);
  if (BASELINE && process.argv.includes('--startup-only')) {
    await benchBaseline(fake, stamp, (label, xs, unit = '', digits = 0) => `  ${label.padEnd(44)} ${median(xs).toFixed(digits).padStart(7)}${unit}   (${xs.map((x) => x.toFixed(digits)).join(', ')})`);
    return fake.close();
  }
  console.log(`bundle ${BUNDLE}\nnode ${NODE24}\nlatency ${LATENCY} ms on every request; operations ${fake.timings.operationMs} ms, task ${fake.timings.taskMs} ms, Scheduler dispatch 20 ms; ${RUNS} runs each\n`);
  for (let i = 1; i <= RUNS; i++) {
    // smoke_test: true, so that the no-op rerun is measured with its smoke test, as before
    // `changed` became the default (with the default, a no-op rerun stops before it).
    const inputs = jobInputs(fake, `bench-${stamp}-${i}`, { smoke_test: 'true' });
    for (const kind of ['first', 'rerun'] as const) {
      const since = fake.requests.length;
      const run = await runAction({ inputs, env: fake.env() });
      if (run.code !== 0) throw new Error(`${kind} run ${i} failed:\n${run.stdout}\n${run.stderr}`);
      const log = fake.requests.slice(since);
      results[kind].push(measure(fake, log, run, since));
    }
    bare.push(await bareNodeFirstRequest(fake));
  }

  const row = (label: string, xs: number[], unit = '', digits = 0) =>
    `  ${label.padEnd(44)} ${median(xs).toFixed(digits).padStart(7)}${unit}   (${xs.map((x) => x.toFixed(digits)).join(', ')})`;
  for (const kind of ['first', 'rerun'] as const) {
    const m = results[kind];
    console.log(kind === 'first' ? 'First deploy (job + schedule + smoke test), median of runs (each run):' : 'No-op rerun (same inputs), median (each run):');
    console.log(row('process start -> first request', m.map((x) => x.firstMs), ' ms'));
    console.log(row('requests', m.map((x) => x.requests)));
    console.log(row('longest chain of dependent requests', m.map((x) => x.chain)));
    console.log(row('wall time', m.map((x) => x.wallMs), ' ms'));
    console.log(row('lower bound', m.map((x) => x.boundMs), ' ms'));
    console.log(row('wall / bound', m.map((x) => x.wallMs / x.boundMs), '', 2));
    const e = m[0]!;
    console.log(`    bound = (${e.essential} non-poll requests in a chain + ${e.waits} read(s) after ${e.waits} server-side wait(s)) x ${LATENCY} ms + ${e.waitsMs} ms of waits`);
    if (kind === 'rerun') console.log(row('sequential round trips before the smoke test', m.map((x) => x.beforeSmoke)));
    console.log(row('execution completion noticed after', m.map((x) => x.noticeMs ?? NaN), ' ms'));
    console.log('');
  }
  console.log(row('bare Node 24: process start -> one request', bare, ' ms'));
  console.log('');
  if (BASELINE) await benchBaseline(fake, stamp, row);
  await benchFleet(fake, stamp, median(results.rerun.map((x) => x.wallMs)), row);
  await benchFleetSmoke(fake, stamp);
  await benchFleetAtQuota(stamp, median(results.rerun.map((x) => x.wallMs)));

  // The smoke test's polling over a longer execution: how soon the end is seen, how often it reads.
  const inputs = jobInputs(fake, `bench-${stamp}-long`, { image: `us-docker.pkg.dev/demo-project/apps/fake-sleep${LONG_TASK_MS}ms:1`, smoke_test: 'true' });
  await runAction({ inputs: { ...inputs, smoke_test: 'false' }, env: fake.env() });
  const since = fake.requests.length;
  const run = await runAction({ inputs, env: fake.env() });
  const log = fake.requests.slice(since);
  const execReads = log.filter((r) => r.method === 'GET' && r.path === `/v2/${run.outputs.execution}`);
  const span = (execReads.at(-1)!.start - execReads[0]!.start) / 1000;
  const tail = execReads.filter((r) => r.start - execReads[0]!.start >= 3000);
  const tailSpan = tail.length > 1 ? (tail.at(-1)!.start - tail[0]!.start) / 1000 : NaN;
  console.log(`Smoke polling over one ${LONG_TASK_MS} ms execution (rerun, ${run.code === 0 ? 'succeeded' : 'FAILED'}):`);
  console.log(`  execution reads                               ${execReads.length} in ${span.toFixed(1)} s = ${((execReads.length - 1) / span).toFixed(2)} reads/s`);
  console.log(`  sustained (after the first 3 s)               ${((tail.length - 1) / tailSpan).toFixed(2)} reads/s`);
  console.log(`  completion noticed after                      ${noticeDelay(fake, log, run, since)?.toFixed(0)} ms`);
  console.log(`
How measured: the local Google Cloud (fake/server.ts) runs in this process with ${LATENCY} ms added
before every answer; each run is a fresh Node 24 process on the bundle, spawned directly as the
runner does. "First request" is the fake's arrival time (Date.now) of the GitHub token request
minus the time just before spawn. The chain is the longest sequence of requests in the fake's
log that do not overlap in time. The bound leaves out Node's own start and the code's loading:
(non-poll requests in a chain + one read per server-side wait) x latency + the waits (operations
${fake.timings.operationMs} ms; the smoke test's Scheduler dispatch 20 ms + provisioning + task ${fake.timings.taskMs} ms).
Completion notice: the execution's completionTime to the end of the first read whose handler ran after it.`);
  await fake.close();
}

await main();
