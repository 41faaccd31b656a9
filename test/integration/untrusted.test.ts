// Trust nothing that a pull request can write: a manifest cannot read the runner's credentials, the
// plan comment cannot be taken over, text from inputs, manifests and the cloud cannot become a
// workflow command or a mention, spec cannot make a service public, and no override value reaches
// an output. dist/index.js against the local Google Cloud and its local GitHub.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from '@jest/globals';
import { closeFakes, DIGEST, failure, group, jobInputs, run, serviceInputs, visibleLog, withFake, type ActionRun, type FakeGcp } from './setup.ts';

const dir = mkdtempSync(join(tmpdir(), 'untrusted-'));
afterAll(async () => {
  await closeFakes();
  rmSync(dir, { recursive: true, force: true });
});

const P = 'projects/demo-project/locations/us-central1';
function fleetRun(fake: FakeGcp, text: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  const root = mkdtempSync(join(dir, 'ws-'));
  writeFileSync(join(root, 'cloud-run-cron.yaml'), text);
  const w = fake.world;
  return run(
    fake,
    { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml', ...inputs },
    { GITHUB_WORKSPACE: root, ...env },
  );
}

function manifest(fake: FakeGcp, workload: string, top = ''): string {
  const w = fake.world;
  return `version: 1
fleet: trust
${top}defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
workloads:
${workload}`;
}

const image = (fake: FakeGcp, n: string) => `us-docker.pkg.dev/${fake.world.projectId}/apps/${n}@${DIGEST('a')}`;

/** The runner's env for a pull_request event. */
function pullRequestEnv(fake: FakeGcp, number: number): Record<string, string> {
  const file = join(dir, `event-${number}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(fake.github.pullRequestEvent({ number })));
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01', GITHUB_SERVER_URL: 'https://github.com' };
}

/** The step's error without the manifest lines its problems carry (`workloads[0].args (line 9): ...`). */
const problems = (r: ActionRun): string => failure(r).replace(/ \(line \d+\)/g, '');

/**
 * Lines of stdout the runner would take as a command that the payload wrote: `::CMD title=PWNED::`
 * or `::set-output name=PWNED::` starting a line (after whitespace), or the old `##[` form anywhere.
 */
function injectedCommands(r: ActionRun): string[] {
  return r.stdout.split(/\r\n|\r|\n/).filter((l) => {
    // A line that is a command of the form ::name props::data is parsed as that one only (the action's own, when its props are).
    const v2 = /^\s*::([a-z-]+)( [^:]*)?::/i.exec(l);
    if (v2) return /PWNED/.test(v2[2] ?? '');
    return /##\[[a-z-]+[ \]][^\]]*PWNED/i.test(l) || /##\[[a-z-]+ [^\]]*\]/i.test(l);
  });
}

group('a manifest never reads the runner credentials', (it) => {
  for (const name of ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'INPUT_GITHUB_TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'GITHUB_TOKEN', 'RUNNER_TEMP']) {
    it(`\${${name}} is refused, naming the variable, before any request`, () =>
      withFake(async (fake) => {
        const before = fake.requests.length;
        const secret = `s3cr3t-${name.toLowerCase()}-value`;
        const r = await fleetRun(fake, manifest(fake, `  - name: leak
    image: ${image(fake, 'leak')}
    args: ['--token', '\${${name}}']
`), { dry_run: 'true' }, { [name]: secret, GITHUB_TOKEN: 'ghs_notforthemanifest', ACTIONS_RUNTIME_TOKEN: 'runtime-token-value' });
        expect(r.code).not.toBe(0);
        expect(problems(r)).toContain(`workloads[0].args[1]: \${${name}} (workload leak): ${name} is `);
        expect(failure(r)).toContain('a manifest may not read it');
        expect(fake.requests.length).toBe(before);
        expect(visibleLog(r) + JSON.stringify(r.outputs) + r.summary).not.toContain(secret);
      }),
    );
  }

  it('${GITHUB_SHA}, ${GITHUB_REF_NAME} and a variable the step sets are expanded', () =>
    withFake(async (fake) => {
      const r = await fleetRun(fake, manifest(fake, `  - name: tagged
    image: ${image(fake, 'tagged')}
    args: ['--sha', '\${GITHUB_SHA}', '--ref', '\${GITHUB_REF_NAME}', '--mode', '\${MODE}']
`), { dry_run: 'true' }, { GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01', GITHUB_REF_NAME: 'main', MODE: 'nightly' });
      expect(failure(r)).toBe('');
      expect(visibleLog(r)).toContain('["--sha","abcdef0123456789abcdef0123456789abcdef01","--ref","main","--mode","nightly"]');
    }),
  );

  it('vars: the only variables a manifest reads when it lists them; a denied one cannot be listed', () =>
    withFake(async (fake) => {
      const body = `  - name: listed
    image: ${image(fake, 'listed')}
    args: ['\${MODE}', '\${OTHER}']
`;
      const r = await fleetRun(fake, manifest(fake, body, 'vars: [MODE, ACTIONS_RUNTIME_TOKEN]\n'), { dry_run: 'true' }, { MODE: 'a', OTHER: 'b', ACTIONS_RUNTIME_TOKEN: 'x' });
      expect(r.code).not.toBe(0);
      expect(problems(r)).toContain("workloads[0].args[1]: ${OTHER} (workload listed): OTHER is not in the manifest's vars");
      expect(problems(r)).toContain('vars: ACTIONS_RUNTIME_TOKEN is a variable of the runner or of the action itself (ACTIONS_*): a manifest may not read it.');
    }),
  );
});

group('the plan comment is only ever the action\'s own', (it) => {
  const marker = (name: string) => `<!-- cloud-run-cron:plan project=demo-project region=us-central1 kind=job name=${name} -->`;

  it("another user's comment holding the marker stays untouched; the plan gets a comment of its own, updated on the next run", () =>
    withFake(async (fake) => {
      const name = 'hijack';
      const bait = fake.github.addComment(9, `${marker(name)}\nplease edit me`, 'mallory');
      const quoted = fake.github.addComment(9, `quoting the bot:\n${marker(name)}`, 'github-actions[bot]');
      const inputs = jobInputs(fake, name, { dry_run: 'true', github_token: fake.github.writeToken });
      const first = await run(fake, inputs, pullRequestEnv(fake, 9));
      expect(failure(first)).toBe('');
      expect(visibleLog(first)).toMatch(/Pull request #9: plan comment created/);
      const comments = () => fake.github.comments(9);
      expect(comments().find((c) => c.id === bait.id)).toEqual(bait);
      expect(comments().find((c) => c.id === quoted.id)?.body).toBe(`quoting the bot:\n${marker(name)}`);
      const own = comments().filter((c) => c.login === 'github-actions[bot]' && c.body.startsWith(marker(name)));
      expect(own).toHaveLength(1);

      const second = await run(fake, inputs, pullRequestEnv(fake, 9));
      expect(visibleLog(second)).toMatch(/Pull request #9: plan comment updated/);
      expect(comments()).toHaveLength(3);
      expect(comments().find((c) => c.id === bait.id)?.body).toBe(`${marker(name)}\nplease edit me`);
    }),
  );

  it("a user's token (GET /user names its user) updates only that user's comment", () =>
    withFake(async (fake) => {
      const name = 'pat';
      const bots = fake.github.addComment(4, `${marker(name)}\nby another workflow`, 'github-actions[bot]');
      const inputs = jobInputs(fake, name, { dry_run: 'true', github_token: fake.github.userToken });
      expect(failure(await run(fake, inputs, pullRequestEnv(fake, 4)))).toBe('');
      expect(failure(await run(fake, inputs, pullRequestEnv(fake, 4)))).toBe('');
      const comments = fake.github.comments(4);
      expect(comments.find((c) => c.id === bots.id)?.body).toBe(`${marker(name)}\nby another workflow`);
      expect(comments.filter((c) => c.login === fake.github.userLogin)).toHaveLength(1);
    }),
  );
});

group('text from inputs, manifests and the cloud cannot become a command', (it) => {
  it('an annotation key in spec: refused before any request, and never a command line', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const spec = JSON.stringify({ annotations: { 'a\n::warning title=PWNED::annotation key': 'x', 'ok\r::set-output name=PWNED::true': 'y' } });
      const r = await run(fake, jobInputs(fake, 'inject-key', { spec, dry_run: 'true' }));
      expect(r.code).not.toBe(0);
      expect(failure(r)).toContain('annotations: the key "a\\n::warning title=PWNED::annotation key" is not allowed');
      expect(fake.requests.length).toBe(before);
      expect(injectedCommands(r)).toEqual([]);
    }),
  );

  it('a label key of spec in a manifest: refused, never a command line', () =>
    withFake(async (fake) => {
      const r = await fleetRun(fake, manifest(fake, `  - name: inject-label
    image: ${image(fake, 'inject-label')}
    spec:
      template:
        labels: { "x\\n::set-output name=PWNED::true": v }
`), { dry_run: 'true' });
      expect(r.code).not.toBe(0);
      expect(problems(r)).toContain('template.labels: the key "x\\n::set-output name=PWNED::true" is not allowed');
      expect(injectedCommands(r)).toEqual([]);
    }),
  );

  it('a drifted live value (a console edit) is printed as one line, and as text in the summary and the comment', () =>
    withFake(async (fake) => {
      const name = 'inject-drift';
      const inputs = jobInputs(fake, name, { smoke_test: 'false', labels: 'team=data' });
      expect(failure(await run(fake, inputs))).toBe('');
      // Someone with access edits the job's label and the trigger's schedule description.
      const token = fake.userToken('mallory@acme.dev');
      const job = (await (await fetch(`${fake.url}/v2/${P}/jobs/${name}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
      job.labels = { ...job.labels, team: 'x\n::warning title=PWNED::drift\r\n##[set-output name=PWNED]y @octocat **bold** [link](https://evil.example) <img src=x>' };
      const patched = await fetch(`${fake.url}/v2/${P}/jobs/${name}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(job) });
      expect(patched.status).toBe(200);

      const check = { ...inputs, dry_run: 'true', fail_on_drift: 'true', github_token: fake.github.writeToken };
      const r = await run(fake, check, pullRequestEnv(fake, 5));
      expect(r.code).not.toBe(0);
      expect(failure(r)).toContain('labels is');
      expect(injectedCommands(r)).toEqual([]);
      // Summary and comment: the value is text, not Markdown, HTML or a mention.
      for (const whole of [r.summary, fake.github.comments(5)[0]?.body ?? '']) {
        expect(whole).toContain('Drift');
        // Inside a fenced code block (the plan) nothing is Markdown and nobody is mentioned.
        const markdown = whole.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
        expect(markdown).toContain('labels is');
        expect(markdown).not.toMatch(/(^|[^\w`])@octocat/);
        expect(markdown).not.toMatch(/(^|[^\\])<img/);
        expect(markdown).not.toContain('[link](https://evil.example)');
        expect(markdown).not.toMatch(/(^|[^\\])\*\*bold\*\*/);
      }
    }),
  );

  it('the plan of a spec label value with a line break stays one line', () =>
    withFake(async (fake) => {
      const spec = JSON.stringify({ labels: { note: 'a\n::warning title=PWNED::label value' } });
      const r = await run(fake, jobInputs(fake, 'inject-value', { spec, dry_run: 'true' }));
      expect(injectedCommands(r)).toEqual([]);
    }),
  );
});

group('spec cannot widen access', (it) => {
  it('invokerIamDisabled: true is refused unless allow_unauthenticated: true', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const spec = JSON.stringify({ invokerIamDisabled: true });
      const refused = await run(fake, serviceInputs(fake, 'open-by-spec', { spec, smoke_test: 'false' }));
      expect(refused.code).not.toBe(0);
      expect(failure(refused)).toContain('invokerIamDisabled: true: it makes the service public');
      expect(failure(refused)).toContain('allow_unauthenticated');
      expect(fake.requests.length).toBe(before);
      expect(fake.runServices().some((s) => String(s.name).endsWith('/open-by-spec'))).toBe(false);

      const annotated = await run(fake, serviceInputs(fake, 'open-by-annotation', { spec: JSON.stringify({ annotations: { 'run.googleapis.com/invoker-iam-disabled': 'true' } }), dry_run: 'true' }));
      expect(failure(annotated)).toContain('annotations.run.googleapis.com/invoker-iam-disabled: it makes the service public');

      const meant = await run(fake, serviceInputs(fake, 'open-on-purpose', { spec, allow_unauthenticated: 'true', dry_run: 'true' }));
      expect(failure(meant)).toBe('');
    }),
  );
});

group('no value in any output', (it) => {
  it('a schedule override env value and a secret reference: absent from the log, the plan output, the summary, the comment and errors, also base64-decoded', () =>
    withFake(async (fake) => {
      const secret = 'override-s3cr3t-value-42';
      const text = manifest(fake, `  - name: overrides
    image: ${image(fake, 'overrides')}
    secrets: { DB_PASSWORD: 'db-password-ref:3' }
    schedules:
      - id: nightly
        schedule: '0 3 * * *'
        env_vars: { API_KEY: '${secret}' }
        args: ['--full']
`);
      const seen: string[] = [];
      const dry = await fleetRun(fake, text, { dry_run: 'true', github_token: fake.github.writeToken }, pullRequestEnv(fake, 6));
      expect(failure(dry)).toBe('');
      seen.push(dry.stdout, dry.stderr, JSON.stringify(dry.outputs), dry.summary, ...fake.github.comments(6).map((c) => c.body));
      expect(JSON.parse(dry.outputs.plan!).length).toBeGreaterThan(0);
      const applied = await fleetRun(fake, text, { smoke_test: 'false' });
      expect(failure(applied)).toBe('');
      seen.push(applied.stdout, applied.stderr, JSON.stringify(applied.outputs), applied.summary);
      // The trigger was written with the value (the workload needs it), and the plan did not show it.
      const trigger = fake.schedulerJobs().find((j) => String(j.name).endsWith('/overrides-nightly')) as any;
      expect(Buffer.from(String(trigger.httpTarget.body), 'base64').toString()).toContain(secret);
      // A failing write whose error echoes the request body, as JSON and as the base64 the trigger carries.
      const b64 = String(trigger.httpTarget.body);
      fake.injectFault({ method: 'PATCH', path: /\/jobs\/overrides-nightly$/, status: 400, message: `Invalid value at 'job.http_target.body' (${b64}): ${Buffer.from(b64, 'base64').toString()}` });
      const failed = await fleetRun(fake, text.replace("'0 3 * * *'", "'0 4 * * *'"), { smoke_test: 'false' });
      expect(failed.code).not.toBe(0);
      expect(failure(failed)).toContain('Invalid value');
      seen.push(failed.stdout, failed.stderr, JSON.stringify(failed.outputs), failed.summary);
      expect(dry.outputs.plan).toContain('DB_PASSWORD');
      for (const s of seen) {
        expect(s).not.toContain(secret);
        expect(s).not.toContain('db-password-ref');
        for (const b64 of s.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []) expect(Buffer.from(b64, 'base64').toString('latin1')).not.toContain(secret);
      }
    }),
  );
});
