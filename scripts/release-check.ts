// Checks that a version is ready to be released and prints its release notes: the version
// is X.Y.Z and is package.json's, and CHANGELOG.md has a section `## [X.Y.Z]` with text.
// Used by .github/workflows/release.yml before it tags; run by hand the same way:
//   scripts/node24 scripts/release-check.ts 1.2.0 > notes.md
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The notes of `version` from a changelog, or the problems that stop a release. */
export function releaseNotes(version: string, changelog: string, packageVersion: string): { notes?: string; problems: string[] } {
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+$/.test(version)) problems.push(`version ${JSON.stringify(version)} is not X.Y.Z (without a leading v)`);
  if (packageVersion !== version) problems.push(`package.json has version ${packageVersion}, not ${version}: bump it in the release commit`);
  const sections = changelog.split(/^## /m).slice(1);
  const section = sections.find((s) => s.startsWith(`[${version}]`));
  const notes = section?.slice(section.indexOf('\n') + 1).trim();
  if (!notes) problems.push(`CHANGELOG.md has no section "## [${version}]" with notes`);
  return { notes: problems.length === 0 ? notes : undefined, problems };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const version = process.argv[2] ?? '';
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const { notes, problems } = releaseNotes(version, readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'), pkg.version);
  if (problems.length > 0) {
    for (const p of problems) console.error(`release: ${p}`);
    process.exit(1);
  }
  console.log(notes);
}
