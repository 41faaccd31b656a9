import { INPUT_DEFAULTS } from '../../src/config/inputs.js';
import { InputError, InputErrors } from '../../src/config/types.js';
import { errorFor, errorsOf, INVOKER, parse, REQUIRED, SCHEDULED } from './config-helpers.js';

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/my-repo';
const SA = 'deployer@my-proj.iam.gserviceaccount.com';

describe('defaults: only the required inputs', () => {
  const config = parse(REQUIRED);

  it('gives the documented defaults', () => {
    expect(config).toEqual({
      auth: { workloadIdentityProvider: undefined, serviceAccount: undefined, audience: undefined },
      projectId: undefined,
      region: 'europe-west1',
      kind: 'job',
      name: 'nightly',
      image: REQUIRED.image,
      runtimeServiceAccount: undefined,
      envVars: [],
      envVarsUpdateStrategy: 'merge',
      secrets: [],
      secretsUpdateStrategy: 'merge',
      secretFiles: [],
      labels: {},
      command: undefined,
      args: undefined,
      cpu: undefined,
      memory: undefined,
      runtime: {
        vpc: undefined, cloudSqlInstances: undefined, executionEnvironment: undefined, gpu: undefined,
        cpuThrottling: undefined, startupCpuBoost: undefined,
      },
      spec: undefined,
      job: { tasks: undefined, parallelism: undefined, maxRetries: undefined, taskTimeoutSeconds: undefined },
      service: { allowUnauthenticated: false },
      schedule: undefined,
      smoke: { enabled: true, onlyWhenChanged: true, timeoutSeconds: 600 },
      dryRun: false,
      readOnly: false,
      failOnDrift: false,
      comment: { mode: 'auto', token: undefined },
      warnings: [],
      notices: [],
    });
  });

  it('treats inputs set to their action.yml default like absent ones', () => {
    expect(parse({ ...INPUT_DEFAULTS, ...REQUIRED })).toEqual(config);
  });

  it('defaults the schedule fields', () => {
    expect(parse(SCHEDULED).schedule).toEqual({
      cron: '0 3 * * *',
      timeZone: 'Etc/UTC',
      jobId: 'nightly-schedule',
      region: 'europe-west1',
      invokerServiceAccount: INVOKER,
      path: '/',
      httpMethod: 'POST',
      body: undefined,
      bodyHasOverrides: false,
      attemptDeadlineSeconds: undefined,
      retryCount: undefined,
      paused: false,
    });
  });
});

describe('required inputs', () => {
  it.each(['region', 'name', 'image'])('%s', (input) => {
    const message = errorFor({ ...REQUIRED, [input]: '' });
    expect(message).toMatch(new RegExp(`^Input '${input}': required: `));
  });
});

describe('auth', () => {
  it('defaults the audience from the provider and the project from service_account', () => {
    const config = parse({ ...REQUIRED, workload_identity_provider: PROVIDER, service_account: SA });
    expect(config.auth).toEqual({ workloadIdentityProvider: PROVIDER, serviceAccount: SA, audience: `https://iam.googleapis.com/${PROVIDER}` });
    expect(config.projectId).toBe('my-proj');
  });

  it('keeps an explicit audience and project_id', () => {
    const config = parse({ ...REQUIRED, workload_identity_provider: PROVIDER, audience: 'https://example.com/aud', project_id: 'other-proj', service_account: SA });
    expect(config.auth.audience).toBe('https://example.com/aud');
    expect(config.projectId).toBe('other-proj');
  });

  it('leaves the project to ADC when service_account does not name one', () => {
    expect(parse({ ...REQUIRED, service_account: '123-compute@developer.gserviceaccount.com' }).projectId).toBeUndefined();
  });

  it.each([
    ['projects/my-proj/locations/global/workloadIdentityPools/github/providers/my-repo', /needs the project number, not the project ID "my-proj".*gcloud projects describe my-proj/],
    ['projects/123456789/locations/global/workloadIdentityPools/github', /this is a workload identity pool, not a provider: add \/providers\/PROVIDER/],
    [`//iam.googleapis.com/${PROVIDER}`, /drop the leading \/\/iam.googleapis.com\//],
    ['github/my-repo', /use projects\/NUMBER\/locations\/global\/workloadIdentityPools\/POOL\/providers\/PROVIDER/],
    ['projects/1/locations/global/workloadIdentityPools/GH/providers/x', /pool and provider IDs are 4 to 32/],
  ])('workload_identity_provider %j', (value, message) => {
    const text = errorFor({ ...REQUIRED, workload_identity_provider: value });
    expect(text).toMatch(/^Input 'workload_identity_provider': /);
    expect(text).toMatch(message);
  });

  it('rejects an audience without a provider', () => {
    expect(errorFor({ ...REQUIRED, audience: 'https://x' })).toMatch(/^Input 'audience': needs workload_identity_provider/);
  });

  it.each([
    ['service_account', ''],
    ['runtime_service_account', ', or default'],
  ])('%s must be a service account email', (input, more) => {
    expect(errorFor({ ...REQUIRED, [input]: 'me@gmail.com' })).toBe(
      `Input '${input}': "me@gmail.com" is not allowed: a service account email such as NAME@PROJECT.iam.gserviceaccount.com${more}.`,
    );
  });

  it.each(['My-Proj', 'proj', '1project', 'project-', 'a'.repeat(31)])('project_id %j', (value) => {
    expect(errorFor({ ...REQUIRED, project_id: value })).toMatch(/^Input 'project_id': .* is not allowed: a project ID: 6 to 30/);
  });
});

describe('target', () => {
  it('gives the example name message', () => {
    expect(errorFor({ ...REQUIRED, name: 'My_Job' })).toBe(
      `Input 'name': "My_Job" is not allowed: use lowercase letters, digits and hyphens, start with a letter, do not end with a hyphen, at most 49 characters.`,
    );
  });

  it.each(['job-', '1job', 'a'.repeat(50), 'my job'])('rejects the name %j', (name) => {
    expect(errorFor({ ...REQUIRED, name })).toMatch(/^Input 'name'/);
  });

  it.each(['a', 'a1', 'nightly-report', 'a'.repeat(49)])('accepts the name %j', (name) => {
    expect(parse({ ...REQUIRED, name }).name).toBe(name);
  });

  it.each(['Europe-West1', 'europe', 'europe-west', 'europe_west1'])('rejects the region %j', (region) => {
    expect(errorFor({ ...REQUIRED, region })).toMatch(/^Input 'region': .* a region such as europe-west1/);
  });

  it.each(['us-central1', 'northamerica-northeast1', 'me-central2'])('accepts the region %j', (region) => {
    expect(parse({ ...REQUIRED, region }).region).toBe(region);
  });

  it('rejects an unknown kind and accepts any case', () => {
    expect(errorFor({ ...REQUIRED, kind: 'cronjob' })).toBe(`Input 'kind': "cronjob" is not allowed: use job or service.`);
    expect(parse({ ...REQUIRED, kind: 'Service' }).kind).toBe('service');
  });

  it.each([
    'nginx', 'nginx:1.27', 'gcr.io/p/app@sha256:' + 'a'.repeat(64), 'eu.gcr.io/p/app', 'docker.io/library/nginx:1',
    'europe-west1-docker.pkg.dev/p/r/i:v1.2-rc_3', 'us-docker.pkg.dev/cloudrun/container/job:latest', 'ghcr.io/acme/app:1',
  ])('accepts the image %j', (image) => expect(parse({ ...REQUIRED, image }).image).toBe(image));

  it.each(['localhost:5000/a/b:tag', 'quay.io/acme/app:1', 'docker.n8n.io/n8nio/n8n:latest', 'registry.gitlab.com/g/p/app'])(
    'refuses the image %j from a registry Cloud Run does not deploy from, with the fix',
    (image) => {
      const message = errorFor({ ...REQUIRED, image });
      expect(message).toMatch(/^Input 'image': .* Cloud Run cannot deploy images from [^ ]+: it deploys from Artifact Registry/);
      expect(message).toContain('Artifact Registry remote repository');
    },
  );

  it('notes that a ghcr.io image must be public', () => {
    expect(parse({ ...REQUIRED, image: 'ghcr.io/acme/app:1' }).notices.join('\n')).toMatch(/ghcr\.io images only when they are public/);
  });

  it.each(['my image', 'gcr.io/p/App', 'gcr.io/p/app@sha256:abc', 'gcr.io/p/app:', 'https://gcr.io/p/app'])('rejects the image %j', (image) => {
    expect(errorFor({ ...REQUIRED, image })).toMatch(/^Input 'image': .* is not allowed: an image reference/);
  });
});

describe('env_vars, secrets and labels', () => {
  it('parses lines and commas; values may hold = and escaped commas', () => {
    const config = parse({ ...REQUIRED, env_vars: 'A=1, B=x=y\nC=a\\,b\n\nD=' });
    expect(config.envVars).toEqual([
      { name: 'A', value: '1' }, { name: 'B', value: 'x=y' }, { name: 'C', value: 'a,b' }, { name: 'D', value: '' },
    ]);
  });

  it.each([
    ['PORT=8080', /"PORT" is reserved/],
    ['CLOUD_RUN_TASK_INDEX=1', /reserved/],
    ['X_GOOGLE_A=1', /reserved/],
    ['A=1,A=2', /"A" is given twice/],
    ['NOVALUE', /entry 1 \(not shown: it may hold a value\) is not KEY=VALUE: write one KEY=VALUE a line, or KEY=VALUE,KEY2=VALUE2; a value with a comma is quoted \(KEY="a,b"\) or escapes it \(KEY=a\\,b\)/],
    ['URLS="https://a/,https://b/', /the value of "URLS" has no closing "/],
    ['URLS="https://a/" x', /the quoted value of "URLS" has text after its closing quote: write one KEY=VALUE a line/],
    ['=1', /is not KEY=VALUE/],
    ['MY-VAR=1', /the name "MY-VAR" is not allowed: use letters, digits and underscores/],
  ])('env_vars %j', (value, message) => {
    expect(errorFor({ ...REQUIRED, env_vars: value })).toMatch(message);
  });

  // A past bug: the examples' URLS=https://example.com/,https://www.iana.org/ failed; deploy-cloudrun's forms work.
  it.each([
    ['URLS="https://example.com/,https://www.iana.org/"\nTIMEOUT_MS=10000'],
    ["URLS='https://example.com/,https://www.iana.org/', TIMEOUT_MS=10000"],
    ['URLS=https://example.com/\\,https://www.iana.org/,TIMEOUT_MS=10000'],
    ['URLS = "https://example.com/,https://www.iana.org/" ,\n  TIMEOUT_MS=10000'],
  ])('a value with commas, quoted or escaped: %j', (env_vars) => {
    expect(parse({ ...REQUIRED, env_vars }).envVars).toEqual([
      { name: 'URLS', value: 'https://example.com/,https://www.iana.org/' },
      { name: 'TIMEOUT_MS', value: '10000' },
    ]);
  });

  it('keeps quotes inside a value and escaped quotes', () => {
    expect(parse({ ...REQUIRED, env_vars: `MSG=it's "fine"\nQ="say \\"hi\\", ok"\nML="a\nb"` }).envVars).toEqual([
      { name: 'MSG', value: `it's "fine"` }, { name: 'Q', value: 'say "hi", ok' }, { name: 'ML', value: 'a\nb' },
    ]);
  });

  it('reads quoted labels and secrets too', () => {
    expect(parse({ ...REQUIRED, labels: 'team="data",env=prod', secrets: 'DB="db-pass:latest"' })).toMatchObject({
      labels: { team: 'data', env: 'prod' },
      secrets: [{ name: 'DB', secret: 'db-pass', version: 'latest' }],
    });
  });

  it('parses secrets', () => {
    expect(parse({ ...REQUIRED, secrets: 'DB=db-pass:latest\nKEY=projects/other/secrets/key:3' }).secrets).toEqual([
      { name: 'DB', secret: 'db-pass', version: 'latest' },
      { name: 'KEY', secret: 'projects/other/secrets/key', version: '3' },
    ]);
  });

  it.each(['DB=db-pass', 'DB=db-pass:newest', 'DB=db-pass:0', 'DB=:1', 'DB=a b:1'])('rejects the secret %j', (value) => {
    expect(errorFor({ ...REQUIRED, secrets: value })).toMatch(/^Input 'secrets': .* VERSION is a number or latest/);
  });

  it('rejects a variable in both env_vars and secrets', () => {
    expect(errorFor({ ...REQUIRED, env_vars: 'DB=x', secrets: 'DB=s:1' })).toMatch(/^Input 'secrets': "DB" is also in env_vars/);
  });

  it('keeps the labels given; the owner record (managed-by, cloud-run-cron-*) is reserved', () => {
    expect(parse({ ...REQUIRED, labels: 'team=data,cost_center=' }).labels).toEqual({ team: 'data', cost_center: '' });
    expect(parse({ ...REQUIRED, labels: 'team=data', skip_default_labels: 'TRUE' }).labels).toEqual({ team: 'data' });
    expect(errorFor({ ...REQUIRED, labels: 'managed-by=me' })).toMatch(/^Input 'labels': the key "managed-by" is reserved: managed-by and keys starting with cloud-run-cron- carry the action's owner record/);
    expect(errorFor({ ...REQUIRED, labels: 'cloud-run-cron-repo=1' })).toMatch(/the key "cloud-run-cron-repo" is reserved/);
  });

  it.each([
    ['run.googleapis.com/x=y', /the key "run.googleapis.com\/x" is reserved/],
    ['cloud.googleapis.com/location=y', /reserved/],
    ['Team=data', /the key "Team" is not allowed/],
    ['team=Data', /the value "Data" of "team" is not allowed/],
    ['team=a,team=b', /given twice/],
  ])('labels %j', (value, message) => {
    expect(errorFor({ ...REQUIRED, labels: value })).toMatch(message);
  });

  it.each(['env_vars_update_strategy', 'secrets_update_strategy'])('%s is merge or overwrite', (input) => {
    expect(parse({ ...REQUIRED, [input]: 'overwrite' })).toBeTruthy();
    expect(errorFor({ ...REQUIRED, [input]: 'replace' })).toBe(`Input '${input}': "replace" is not allowed: use merge or overwrite.`);
  });
});

describe('container', () => {
  it('reads command and args as JSON or words', () => {
    const config = parse({ ...REQUIRED, command: '["python", "-m", "app main"]', args: '--full  --verbose' });
    expect(config.command).toEqual(['python', '-m', 'app main']);
    expect(config.args).toEqual(['--full', '--verbose']);
  });

  it.each(['[1, 2]', '["a"', '[{"a": 1}]'])('rejects the command %j', (command) => {
    expect(errorFor({ ...REQUIRED, command })).toMatch(/^Input 'command': .* use a JSON array of strings/);
  });

  // A past bug: `args: --query "SELECT 1"` became ["--query","\"SELECT","1\""] silently.
  it.each([
    ['--query "SELECT 1"', ['--query', 'SELECT 1']],
    [`--name='a b' --flag`, ['--name=a b', '--flag']],
    ['a\\ b "x\\"y"', ['a b', 'x"y']],
    ['--env=$(MODE) $HOME', ['--env=$(MODE)', '$HOME']],
    ['  --full\n  --verbose  ', ['--full', '--verbose']],
  ])('reads args %j as shell-style words', (args, words) => {
    expect(parse({ ...REQUIRED, args }).args).toEqual(words);
  });

  it('rejects an unclosed quote in args, showing the accepted forms', () => {
    expect(errorFor({ ...REQUIRED, args: '--query "SELECT 1' })).toMatch(
      /^Input 'args': .* is not allowed: got eof while in a quoted string: use a JSON array of strings such as \["--query", "SELECT 1"\], or words separated by spaces with quotes/,
    );
  });

  it.each(['1', '2', '4', '6', '8', '0.5', '0.08', '500m', '1000m'])('accepts cpu %j', (cpu) => expect(parse({ ...REQUIRED, cpu }).cpu).toBe(cpu));
  it.each(['3', '16', '0.01', 'one', '1.5', '0'])('rejects cpu %j', (cpu) => expect(errorFor({ ...REQUIRED, cpu })).toMatch(/^Input 'cpu'/));
  it.each(['512Mi', '2Gi', '32Gi', '128Mi', '1G'])('accepts memory %j', (memory) => expect(parse({ ...REQUIRED, memory }).memory).toBe(memory));
  it.each(['512', '64Mi', '33Gi', '2gb', '1.5Gi'])('rejects memory %j', (memory) =>
    expect(errorFor({ ...REQUIRED, memory })).toMatch(/^Input 'memory': .* from 128Mi to 32Gi/),
  );
});

describe('booleans', () => {
  it.each(['skip_default_labels', 'paused', 'dry_run'])('%s is strictly true or false', (input) => {
    expect(errorFor({ ...SCHEDULED, [input]: 'yes' })).toBe(`Input '${input}': "yes" is not allowed: use true or false.`);
  });

  it('smoke_test is changed (the default: a no-op rerun runs nothing), true or false', () => {
    expect(parse(REQUIRED).smoke).toEqual({ enabled: true, onlyWhenChanged: true, timeoutSeconds: 600 });
    // The reusable workflows pass an empty string when their caller leaves it out.
    expect(parse({ ...REQUIRED, smoke_test: '' }).smoke).toEqual({ enabled: true, onlyWhenChanged: true, timeoutSeconds: 600 });
    expect(parse({ ...REQUIRED, smoke_test: 'Changed' }).smoke).toEqual({ enabled: true, onlyWhenChanged: true, timeoutSeconds: 600 });
    expect(parse({ ...REQUIRED, smoke_test: 'true' }).smoke).toMatchObject({ enabled: true, onlyWhenChanged: false });
    expect(errorFor({ ...REQUIRED, smoke_test: 'yes' })).toBe(`Input 'smoke_test': "yes" is not allowed: use true, false or changed.`);
  });

  it('accepts any case', () => {
    const config = parse({ ...REQUIRED, smoke_test: 'False', dry_run: 'TRUE' });
    expect(config.smoke.enabled).toBe(false);
    expect(config.dryRun).toBe(true);
  });
});

describe('job settings', () => {
  it('parses them', () => {
    expect(parse({ ...REQUIRED, tasks: '10', parallelism: '0', max_retries: '0', task_timeout: '1h30m' }).job).toEqual({
      tasks: 10, parallelism: 0, maxRetries: 0, taskTimeoutSeconds: 5400,
    });
  });

  it.each([
    ['tasks', '0', 'use a whole number from 1 to 10000'],
    ['tasks', '10001', 'use a whole number from 1 to 10000'],
    ['tasks', '2.5', 'use a whole number from 1 to 10000'],
    ['parallelism', '2', 'use a whole number from 0 to 1'],
    ['max_retries', '11', 'use a whole number from 0 to 10'],
    ['task_timeout', '169h', 'use a duration from 1s to 168h'],
    ['task_timeout', 'forever', 'use a duration from 1s to 168h'],
  ])('%s %j', (input, value, allowed) => {
    expect(errorFor({ ...REQUIRED, [input]: value })).toBe(
      `Input '${input}': "${value}" is not allowed: ${allowed}${input === 'task_timeout' ? ', such as 90s, 10m, 2h, 1h30m or a number of seconds' : ''}.`,
    );
  });

  it('allows parallelism up to tasks', () => {
    expect(parse({ ...REQUIRED, tasks: '5', parallelism: '5' }).job.parallelism).toBe(5);
    expect(errorFor({ ...REQUIRED, tasks: '5', parallelism: '6' })).toMatch(/from 0 to 5/);
  });
});

describe('service settings', () => {
  const SERVICE = { ...REQUIRED, kind: 'service' };

  it('parses them', () => {
    expect(parse({ ...SERVICE, timeout: '15m', concurrency: '1', min_instances: '0', max_instances: '3', ingress: 'internal', allow_unauthenticated: 'true' }).service).toEqual({
      timeoutSeconds: 900, concurrency: 1, minInstances: 0, maxInstances: 3, ingress: 'internal', allowUnauthenticated: true,
    });
  });

  it.each([
    ['timeout', '3601', /from 1s to 1h/],
    ['concurrency', '1001', /from 1 to 1000/],
    ['concurrency', '0', /from 1 to 1000/],
    ['min_instances', '-1', /0 or more/],
    ['max_instances', 'many', /0 or more/],
    ['ingress', 'public', /use all, internal or internal-and-cloud-load-balancing/],
  ])('%s %j', (input, value, message) => {
    expect(errorFor({ ...SERVICE, [input]: value })).toMatch(message);
  });

  it('needs min_instances <= max_instances', () => {
    expect(errorFor({ ...SERVICE, min_instances: '3', max_instances: '2' })).toBe(
      `Input 'min_instances': 3 is more than max_instances (2): use at most max_instances.`,
    );
  });
});

describe('inputs of the other kind: ignored with a notice', () => {
  it.each(['tasks', 'parallelism', 'max_retries', 'task_timeout'])('%s on a service', (input) => {
    expect(parse({ ...REQUIRED, kind: 'service', [input]: '1' }).notices).toEqual([
      `Input '${input}' is ignored: it applies to kind: job only, and this is kind: service.`,
    ]);
  });

  it.each([
    ['timeout', '60'], ['concurrency', '10'], ['min_instances', '1'], ['max_instances', '1'], ['ingress', 'all'],
    ['allow_unauthenticated', 'true'], ['path', '/run'],
  ])('%s on a job', (input, value) => {
    const config = parse({ ...SCHEDULED, [input]: value });
    expect(config.notices).toEqual([`Input '${input}' is ignored: it applies to kind: service only, and this is kind: job.`]);
    expect(config.service).toEqual({ allowUnauthenticated: false });
  });

  it('leaves allow_unauthenticated: false and path: / alone on a job', () => {
    expect(parse({ ...SCHEDULED, allow_unauthenticated: 'false', path: '/' }).warnings).toEqual([]);
  });
});

describe('schedule', () => {
  it('reads every schedule input', () => {
    const config = parse({
      ...SCHEDULED, kind: 'service', time_zone: 'Europe/Berlin', scheduler_job: 'Nightly_Run', scheduler_region: 'us-central1',
      path: '/tasks/nightly?full=1', http_method: 'put', body: 'hello', attempt_deadline: '10m', retry_count: '5', paused: 'true', timeout: '5m',
    });
    expect(config.schedule).toEqual({
      cron: '0 3 * * *', timeZone: 'Europe/Berlin', jobId: 'Nightly_Run', region: 'us-central1', invokerServiceAccount: INVOKER,
      path: '/tasks/nightly?full=1', httpMethod: 'PUT', body: 'hello', bodyHasOverrides: false, attemptDeadlineSeconds: 600, retryCount: 5, paused: true,
    });
    expect(config.warnings).toEqual([]);
  });

  it('rejects a malformed cron with the reason and the format', () => {
    expect(errorFor({ ...SCHEDULED, schedule: '0 3 * *' })).toBe(
      `Input 'schedule': "0 3 * *" is not allowed: it has 4 fields; unix-cron has 5 (minute hour day-of-month month day-of-week), without seconds or year. ` +
        'Use unix-cron with 5 fields: minute hour day-of-month month day-of-week, such as "0 3 * * *".',
    );
    expect(errorFor({ ...SCHEDULED, schedule: '@hourly' })).toMatch(/macros such as @daily/);
  });

  it('refuses an invoker of another project than the Scheduler job, before any request', () => {
    expect(errorFor({ ...SCHEDULED, project_id: 'my-proj', invoker_service_account: 'inv@elsewhere-1.iam.gserviceaccount.com' })).toMatch(
      /^Input 'invoker_service_account': "inv@elsewhere-1\.iam\.gserviceaccount\.com" belongs to project elsewhere-1, and the Cloud Scheduler job is created in /,
    );
    expect(errorFor({ ...SCHEDULED, project_id: 'my-proj', invoker_service_account: 'elsewhere-1@appspot.gserviceaccount.com' })).toMatch(/belongs to project elsewhere-1/);
  });

  it('requires invoker_service_account with schedule', () => {
    expect(errorFor({ ...SCHEDULED, invoker_service_account: '' })).toMatch(
      /^Input 'invoker_service_account': required with schedule: a service account email such as NAME@PROJECT.iam.gserviceaccount.com/,
    );
  });

  it.each([
    ['time_zone', 'Europe/Atlantis', /IANA time zone/],
    ['time_zone', 'europe/berlin', /spelled with its capitals/],
    ['time_zone', '+01:00', /IANA time zone/],
    ['scheduler_job', 'a'.repeat(501), /at most 500 characters/],
    ['scheduler_job', 'my job', /letters, digits, hyphens and underscores/],
    ['scheduler_region', 'Europe', /a region such as/],
    ['attempt_deadline', '10s', /from 15s to 30m/],
    ['attempt_deadline', '31m', /from 15s to 30m/],
    ['retry_count', '6', /from 0 to 5/],
    ['http_method', 'FETCH', /use POST, GET, PUT, PATCH, DELETE, HEAD or OPTIONS/],
  ])('%s %j', (input, value, message) => {
    const text = errorFor({ ...SCHEDULED, kind: 'service', [input]: value });
    expect(text).toMatch(new RegExp(`^Input '${input}': `));
    expect(text).toMatch(message);
  });

  it.each(['US/Pacific', 'Etc/UTC', 'UTC', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'])('accepts the time zone %j', (tz) => {
    expect(parse({ ...SCHEDULED, time_zone: tz }).schedule?.timeZone).toBe(tz);
  });

  it("rejects a path without a leading '/'", () => {
    expect(errorFor({ ...SCHEDULED, kind: 'service', path: 'run' })).toMatch(/^Input 'path': "run" is not allowed: a URL path starting with '\/'/);
  });

  it.each(['GET', 'DELETE', 'HEAD', 'OPTIONS'])('rejects a body with %s', (method) => {
    expect(errorFor({ ...SCHEDULED, kind: 'service', http_method: method, body: 'x' })).toBe(
      `Input 'body': is allowed only with http_method POST, PUT or PATCH, and http_method is ${method}. Remove body or change http_method.`,
    );
  });

  it('starts a job with POST only', () => {
    expect(errorFor({ ...SCHEDULED, http_method: 'PUT' })).toMatch(/^Input 'http_method': "PUT" is not allowed: a job is started with POST/);
  });

  it.each(['time_zone', 'scheduler_job', 'scheduler_region', 'invoker_service_account', 'http_method', 'body', 'attempt_deadline', 'retry_count', 'paused', 'path'])(
    '%s without schedule is ignored with a notice (deploy only)',
    (input) => {
      const values: Record<string, string> = {
        time_zone: 'Europe/Berlin', scheduler_job: 'x', scheduler_region: 'us-central1', invoker_service_account: INVOKER,
        http_method: 'PUT', body: 'x', attempt_deadline: '1m', retry_count: '1', paused: 'true', path: '/x',
      };
      const config = parse({ ...REQUIRED, kind: 'service', [input]: values[input]! });
      expect(config.schedule).toBeUndefined();
      expect(config.notices).toEqual([
        `Input '${input}' is ignored: it shapes the Cloud Scheduler job, and schedule is empty (deploy only: no Scheduler job is touched).`,
      ]);
    },
  );

  it('deploys only when a templated workflow passes its invoker with an empty schedule (manual.yml)', () => {
    const config = parse({ ...REQUIRED, schedule: '', invoker_service_account: INVOKER, runtime_service_account: '' });
    expect(config.schedule).toBeUndefined();
    expect(config.notices).toHaveLength(1);
  });

  it('keeps contradictions as errors: a job trigger other than POST, a body with GET', () => {
    expect(errorFor({ ...SCHEDULED, http_method: 'GET' })).toMatch(/^Input 'http_method': "GET" is not allowed: a job is started with POST/);
    expect(errorFor({ ...SCHEDULED, kind: 'service', http_method: 'GET', body: 'x' })).toMatch(/^Input 'body': is allowed only with http_method POST/);
  });
});

describe('job trigger body (RunJobRequest)', () => {
  it('accepts overrides and says so', () => {
    const body = JSON.stringify({
      overrides: { containerOverrides: [{ name: 'app', args: ['--full'], env: [{ name: 'MODE', value: 'full' }], clearArgs: false }], taskCount: 2, timeoutSeconds: 600 },
    });
    expect(parse({ ...SCHEDULED, body }).schedule?.bodyHasOverrides).toBe(true);
    expect(parse({ ...SCHEDULED, body: '{}' }).schedule?.bodyHasOverrides).toBe(false);
  });

  it.each([
    ['not json', /it is not JSON/],
    ['[]', /it must be a JSON object/],
    ['{"override": {}}', /the request has an unknown field "override" \(allowed: overrides\)/],
    ['{"overrides": {"taskCount": 0}}', /overrides.taskCount must be a whole number from 1 to 10000/],
    ['{"overrides": {"timeoutSeconds": "600s"}}', /overrides.timeoutSeconds must be a whole number of seconds/],
    ['{"overrides": {"containerOverrides": [{"args": "--full"}]}}', /containerOverrides\[0\].args must be an array of strings/],
    ['{"overrides": {"containerOverrides": [{"env": [{"name": "A", "valueFrom": {}}]}]}}', /env\[0\] has an unknown field "valueFrom"/],
    ['{"overrides": {"containerOverrides": [{"image": "x"}]}}', /unknown field "image"/],
  ])('rejects %s', (body, message) => {
    const text = errorFor({ ...SCHEDULED, body });
    expect(text).toMatch(/^Input 'body': for a job it must be a JSON RunJobRequest such as/);
    expect(text).toMatch(message);
  });
});

describe('smoke test and mode', () => {
  it.each([['90s', 90], ['2h', 7200], ['600', 600]])('smoke_timeout %j', (value, seconds) => {
    expect(parse({ ...REQUIRED, smoke_timeout: value }).smoke.timeoutSeconds).toBe(seconds);
  });
  it.each(['0', '7h', 'soon'])('rejects smoke_timeout %j', (value) => {
    expect(errorFor({ ...REQUIRED, smoke_timeout: value })).toMatch(/^Input 'smoke_timeout': .* from 1s to 6h/);
  });
});

describe('several errors', () => {
  it('are reported together, one line each, in an InputError', () => {
    const e = errorsOf({ ...REQUIRED, name: 'Bad_Name', region: '', kind: 'service', tasks: 'x', schedule: '* * *', memory: 'lots', cpu: '3' });
    expect(e).toBeInstanceOf(InputError);
    expect(e.errors.map((x) => x.input)).toEqual(['region', 'name', 'cpu', 'memory', 'schedule', 'invoker_service_account']);
    expect(e.input).toBe('region, name, cpu, memory, schedule, invoker_service_account');
    expect(e.message.split('\n')).toHaveLength(7);
    expect(e.message).toMatch(/^6 problems with the inputs:\n- Input 'region': required: .*\n- Input 'name': "Bad_Name" is not allowed/);
  });

  it('a single error is just its message', () => {
    const e = errorsOf({ ...REQUIRED, kind: 'x' });
    expect(e).toBeInstanceOf(InputErrors);
    expect(e.message).toBe(`Input 'kind': "x" is not allowed: use job or service.`);
  });
});

describe('guard rails: warnings', () => {
  const SERVICE = { ...SCHEDULED, kind: 'service' };

  it('a good job and a good service get none', () => {
    expect(parse({ ...SCHEDULED, task_timeout: '1h', tasks: '4', parallelism: '2' }).warnings).toEqual([]);
    expect(parse({ ...SERVICE, timeout: '2m', ingress: 'all' }).warnings).toEqual([]);
    expect(parse({ ...SERVICE, timeout: '20m', attempt_deadline: '25m' }).warnings).toEqual([]);
    expect(parse({ ...SCHEDULED, schedule: '*/15 * * * *', task_timeout: '10m' }).warnings).toEqual([]);
  });

  it('a service timeout beyond the default 3m attempt deadline', () => {
    expect(parse({ ...SERVICE, timeout: '10m' }).warnings).toEqual([
      "The service's timeout (10m) is longer than the Cloud Scheduler attempt deadline (3m): the Scheduler gives up first and may retry while the first request still runs. Set attempt_deadline to at least 10m, or use kind: job.",
    ]);
  });

  it('a service timeout beyond 30m suggests kind: job', () => {
    const [warning] = parse({ ...SERVICE, timeout: '1h', attempt_deadline: '30m' }).warnings;
    expect(warning).toMatch(/timeout \(1h\) is longer than the Cloud Scheduler attempt deadline \(30m\).*use kind: job/);
  });

  it('a schedule firing more often than a job run may take (default task_timeout 10m)', () => {
    expect(parse({ ...SCHEDULED, schedule: '*/5 * * * *' }).warnings).toEqual([
      `The schedule "*/5 * * * *" fires as often as every 5m, but one run may take up to 10m (the job's task_timeout): runs can overlap. Fire less often, shorten the timeout, or make the work safe to run twice at once.`,
    ]);
  });

  it("a schedule firing more often than the service's timeout (default 5m)", () => {
    const warnings = parse({ ...SERVICE, schedule: '* * * * *' }).warnings;
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/every 1m, but one run may take up to 5m \(the service's timeout\)/);
  });

  it('a job body with overrides names the role the invoker gets', () => {
    expect(parse({ ...SCHEDULED, body: '{"overrides": {"taskCount": 3}}' }).warnings).toEqual([
      `The trigger body carries overrides, which need the permission run.jobs.runWithOverrides: ${INVOKER} is granted roles/run.jobsExecutorWithOverrides on the job instead of roles/run.invoker.`,
    ]);
  });

  it('a scheduled service with internal ingress', () => {
    expect(parse({ ...SERVICE, ingress: 'internal' }).warnings[0]).toMatch(/ingress is internal: Cloud Scheduler reaches it only from inside a VPC Service Controls perimeter/);
  });

  it('none without a schedule', () => {
    expect(parse({ ...REQUIRED, kind: 'service', timeout: '1h', ingress: 'internal' }).warnings).toEqual([]);
  });
});
