// Ready to publish. A LICENSE that matches package.json, Marketplace limits on
// action.yml, a real author, a release workflow that checks dist/ and moves the major tag,
// a CHANGELOG section for the version, and README showing pinning by tag and by SHA.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../../scripts/readme-tables.ts';
import { releaseNotes } from '../../scripts/release-check.ts';

type Obj = Record<string, any>;
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const pkg = JSON.parse(read('package.json')) as Obj;
const action = parse(read('action.yml')) as Obj;

describe('license and metadata', () => {
  it('LICENSE is the full Apache License 2.0, as package.json says', () => {
    expect(pkg.license).toBe('Apache-2.0');
    const license = read('LICENSE');
    expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(license).toMatch(/TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION/);
    expect(license).toMatch(/9\. Accepting Warranty or Additional Liability\./);
    expect(license).toMatch(/END OF TERMS AND CONDITIONS/);
  });

  it('action.yml: a description the Marketplace accepts (at most 125 characters) and a real author', () => {
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.author).toBe('cloud-run-cron contributors');
    expect(pkg.author).toBe(action.author);
    expect(pkg.description).toBe(action.description);
  });
});

describe('release', () => {
  const release = parse(read('.github/workflows/release.yml')) as Obj;
  const steps = Object.values(release.jobs as Record<string, Obj>).flatMap((j) => j.steps as Obj[]);
  const script = steps.map((s) => String(s.run ?? '')).join('\n');

  const jobs = release.jobs as Record<string, Obj>;
  const run = (job: Obj) => (job.steps as Obj[]).map((s) => String(s.run ?? '')).join('\n');

  it('is started by hand with a version, from main only', () => {
    expect(release.on.workflow_dispatch.inputs.version.required).toBe(true);
    expect(release.permissions).toEqual({});
    for (const job of Object.values(jobs)) expect(job.if).toBe("github.ref == 'refs/heads/main'");
  });

  it('only the publish job may write, in the protected release environment, after verify, running nothing installed', () => {
    expect(Object.keys(jobs)).toEqual(['verify', 'publish']);
    expect(jobs.verify!.permissions).toEqual({ contents: 'read' });
    expect(jobs.publish!.permissions).toEqual({ contents: 'write' });
    expect(jobs.publish!.environment).toBe('release');
    expect(jobs.publish!.needs).toBe('verify');
    // No checkout, no install, no npm in the job that holds the write token.
    expect((jobs.publish!.steps as Obj[]).filter((s) => s.uses)).toEqual([]);
    expect(run(jobs.publish!)).not.toMatch(/\bnpm\b|node24|git push|git tag/);
    // The token of a checkout is never kept in .git/config.
    for (const step of steps.filter((s) => String(s.uses ?? '').startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false);
  });

  it('checks the version and dist/, tests, then tags the verified commit vX.Y.Z and moves the major tag, then releases', () => {
    const order = ['scripts/release-check.ts', 'npm run build', 'git status --porcelain -- dist', 'npm test', 'git rev-parse HEAD', '-f ref="refs/tags/v$VERSION"', 'refs/tags/$major" -f sha="$moved" -F force=true', 'gh release create'];
    const at = order.map((s) => script.indexOf(s));
    expect(order.filter((_, i) => at[i]! < 0)).toEqual([]);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(script).toMatch(/major="v\$\{VERSION%%\.\*\}"/);
    expect(script).toContain('object="$SHA"');
    expect(jobs.publish!.steps[0].env.SHA).toBe('${{ needs.verify.outputs.sha }}');
  });

  it('finds the notes of the package version in CHANGELOG.md', () => {
    const { notes, problems } = releaseNotes(pkg.version, read('CHANGELOG.md'), pkg.version);
    expect(problems).toEqual([]);
    expect(notes).toMatch(/\w/);
  });

  it('refuses a bad version, another package version, a version without notes', () => {
    const changelog = '# Changelog\n\n## [1.2.0]\n\n- a fix\n\n## [1.1.0]\n\n- older\n';
    expect(releaseNotes('1.2.0', changelog, '1.2.0')).toEqual({ notes: '- a fix', problems: [] });
    expect(releaseNotes('v1.2.0', changelog, 'v1.2.0').problems).toEqual(['version "v1.2.0" is not X.Y.Z (without a leading v)', 'CHANGELOG.md has no section "## [v1.2.0]" with notes']);
    expect(releaseNotes('1.2.0', changelog, '1.1.0').problems).toEqual(['package.json has version 1.1.0, not 1.2.0: bump it in the release commit']);
    expect(releaseNotes('1.3.0', changelog, '1.3.0').problems).toEqual(['CHANGELOG.md has no section "## [1.3.0]" with notes']);
  });

  it('the docs show pinning by major tag, by release tag and by full commit SHA', () => {
    const usage = read('docs/usage.md');
    expect(usage).toMatch(/uses: ACTION_OWNER\/cloud-run-cron@v1\b/);
    expect(usage).toMatch(/uses: ACTION_OWNER\/cloud-run-cron@v\d+\.\d+\.\d+/);
    expect(usage).toMatch(/uses: ACTION_OWNER\/cloud-run-cron@[0-9a-f]{40} # v\d+\.\d+\.\d+/);
  });
});
