// Real-cloud fidelity: the HTTP trace of step debug logging over a whole job deploy and a whole service
// deploy: every exchange is in it, and no token, env var value or secret reference is.
// Each deploy runs on a local Google Cloud of its own (the trace is checked against the fake's
// whole request log), the two concurrently.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, jobInputs, run, serviceInputs, visibleLog, withFake, type FakeGcp } from './setup.ts';

afterAll(closeFakes);

const ENV_VALUES = ['s3cr3t-database-url-9f2c', 'hunter2-api-key-77'];
const SECRET_REFS = ['db-password-secret', 'stripe-signing-key'];
const inputs = {
  env_vars: `DATABASE_URL=${ENV_VALUES[0]}\nAPI_KEY=${ENV_VALUES[1]}`,
  secrets: `DB_PASSWORD=${SECRET_REFS[0]}:3\nSTRIPE=${SECRET_REFS[1]}:latest`,
};

const debugLines = (out: string) => out.split('\n').filter((l) => l.startsWith('::debug::HTTP '));

test.concurrent.each([
  ['a job', (f: FakeGcp) => jobInputs(f, 'traced-job', inputs)],
  ['a service', (f: FakeGcp) => serviceInputs(f, 'traced-web', inputs)],
])('RUNNER_DEBUG=1 traces every exchange of a deploy of %s, with nothing secret in it', (_what, make) =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const result = await run(fake, make(fake), { RUNNER_DEBUG: '1' });
    expect(result.code).toBe(0);
    const lines = debugLines(result.stdout);
    const requests = fake.requests.slice(before);
    // every request the fake saw is in the trace with its status (parallel ones in either order)
    expect(lines).toHaveLength(requests.length);
    const unmatched = [...lines];
    for (const r of requests) {
      const at = unmatched.findIndex((l) => {
        const head = decodeURIComponent(l.split(' | ')[0]!);
        return head.startsWith(`::debug::HTTP ${r.method} `) && head.includes(`${r.path}${r.query ? '?' : ' '}`) && head.includes(` -> ${r.status} (`);
      });
      expect(at).toBeGreaterThanOrEqual(0);
      unmatched.splice(at, 1);
    }
    const trace = lines.join('\n');
    expect(trace).toMatch(/request: \{.*"env":\[\{"name":"DATABASE_URL","value":"\[REDACTED\]"\}/);
    expect(trace).toMatch(/"valueSource":"\[REDACTED\]"/);
    expect(trace).toMatch(/"subject_token":"\[REDACTED\]"/);
    expect(trace).toMatch(/"access_token":"\[REDACTED\]"/);
    // no token anywhere in what the log shows, and no env var value or secret reference in the trace
    const log = visibleLog(result);
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(log).not.toMatch(/ya29\./);
    expect(log).not.toContain(fake.env().ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    // (the plan text and the summary are scrubbed of these by their own code)
    for (const value of ENV_VALUES) expect(trace).not.toContain(value);
    for (const ref of SECRET_REFS) expect(trace).not.toContain(ref);
    // a run without debug logging has no trace
    const quiet = await run(fake, make(fake));
    expect(debugLines(quiet.stdout)).toEqual([]);
  }),
180_000);
