// Generates docs/inputs.md, the inputs and outputs reference, from action.yml: every input
// (grouped by the `# --- Group ---` comments of action.yml) with whether it is required, its
// default and its description, then every output. `npm run docs` rewrites docs/inputs.md;
// `npm run docs -- --check` only reports whether it is stale (exit 1).
// test/unit/readme.test.ts checks that the committed file is renderInputsDoc() of action.yml.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ACTION_YML = resolve(ROOT, 'action.yml');
export const README = resolve(ROOT, 'README.md');
export const INPUTS_DOC = resolve(ROOT, 'docs/inputs.md');

export interface InputDoc {
  name: string;
  description: string;
  required: boolean;
  default: string | undefined;
  group: string | undefined;
}
export interface OutputDoc {
  name: string;
  description: string;
}

/** Reads inputs (with the `# --- Group ---` comments that precede them) and outputs. */
export function readAction(actionYml: string): { inputs: InputDoc[]; outputs: OutputDoc[] } {
  const doc = parseDocument(actionYml);
  if (doc.errors.length) throw new Error(`action.yml: ${doc.errors[0].message}`);
  const inputsNode = doc.get('inputs');
  const outputsNode = doc.get('outputs');
  if (!isMap(inputsNode) || !isMap(outputsNode)) throw new Error('action.yml: inputs and outputs must be maps');

  const inputs: InputDoc[] = [];
  let group = groupName((inputsNode as YAMLMap).commentBefore);
  for (const pair of (inputsNode as YAMLMap).items) {
    if (!isScalar(pair.key)) continue;
    group = groupName(pair.key.commentBefore) ?? group;
    const spec = (pair.value && isMap(pair.value) ? pair.value.toJSON() : {}) as Record<string, unknown>;
    inputs.push({
      name: String(pair.key.value),
      description: String(spec.description ?? ''),
      required: spec.required === true || spec.required === 'true',
      default: spec.default === undefined || spec.default === null ? undefined : String(spec.default),
      group,
    });
  }
  const outputs: OutputDoc[] = [];
  for (const pair of (outputsNode as YAMLMap).items) {
    if (!isScalar(pair.key)) continue;
    const spec = (pair.value && isMap(pair.value) ? pair.value.toJSON() : {}) as Record<string, unknown>;
    outputs.push({ name: String(pair.key.value), description: String(spec.description ?? '') });
  }
  return { inputs, outputs };
}

/** `# --- Auth ---` -> `Auth`. */
function groupName(comment: string | null | undefined): string | undefined {
  if (!comment) return undefined;
  const lines = comment.split('\n').map((l) => l.trim());
  for (const l of lines.reverse()) {
    const m = /^-{2,}\s*(.+?)\s*-{2,}$/.exec(l);
    if (m) return m[1];
  }
  return undefined;
}

/** Text safe in a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

function code(text: string): string {
  // A backtick inside would end the span early: use a double-backtick span then.
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/**
 * What an input with an empty default means, from its description's 'Empty means X.'
 * sentence: a value (`1`, `10m`) in code, words (the Compute Engine default service account)
 * in italics, so the Default column says it for every input.
 */
export function effectiveDefault(description: string): string {
  const m = /Empty means (.+?)\.(?:\s|$)/.exec(description) ?? /\(default:? ([^)]+)\)/.exec(description);
  if (!m) return '';
  const what = m[1]!.trim();
  return /^[\w./:-]+$/.test(what) ? code(cell(what)) : `*${cell(what)}*`;
}

export function renderInputs(actionYml: string): string {
  const { inputs } = readAction(actionYml);
  const out: string[] = [];
  let current: string | undefined | null = null;
  for (const input of inputs) {
    if (input.group !== current) {
      if (current !== null) out.push('');
      current = input.group;
      if (current) out.push(`**${current}**`, '');
      out.push('| Input | Required | Default | Description |', '|---|---|---|---|');
    }
    const def = input.required ? '' : input.default ? code(cell(input.default)) : effectiveDefault(input.description);
    out.push(
      `| ${code(input.name)} | ${input.required ? 'yes' : ''} | ${def} | ${cell(input.description)} |`,
    );
  }
  return out.join('\n');
}

export function renderOutputs(actionYml: string): string {
  const { outputs } = readAction(actionYml);
  const out = ['| Output | Description |', '|---|---|'];
  for (const o of outputs) out.push(`| ${code(o.name)} | ${cell(o.description)} |`);
  return out.join('\n');
}

/** How inputs are written, before the tables. */
const FORMATS = `Durations are written \`90s\`, \`10m\`, \`2h\`, \`1h30m\`, or a bare number of seconds. Lists
(\`env_vars\`, \`secrets\`, \`labels\`) take google-github-actions/deploy-cloudrun's forms: one
\`KEY=VALUE\` a line or comma-separated; a value that holds a comma is quoted
(\`URLS="https://a.example/,https://b.example/"\`, the quotes are not part of the value) or
escapes it (\`URLS=https://a.example/\\,https://b.example/\`). \`command\` and \`args\` take a JSON
array of strings or shell-style words: \`--query "SELECT 1"\` is the two words \`--query\` and
\`SELECT 1\`; nothing is expanded (Cloud Run itself substitutes \`$(VAR)\`). Where a description
says so, an input left empty keeps the live setting ([Safe by default](safety.md)).`;

/** docs/inputs.md as it should be, given action.yml. */
export function renderInputsDoc(actionYml: string): string {
  return [
    '# Inputs and outputs',
    '',
    '<!-- Generated from action.yml by `npm run docs` (scripts/readme-tables.ts): edit action.yml, not this file. -->',
    '',
    FORMATS,
    '',
    '## Inputs',
    '',
    renderInputs(actionYml),
    '',
    '## Outputs',
    '',
    renderOutputs(actionYml),
    '',
  ].join('\n');
}

function main(): void {
  const check = process.argv.includes('--check');
  const next = renderInputsDoc(readFileSync(ACTION_YML, 'utf8'));
  const current = existsSync(INPUTS_DOC) ? readFileSync(INPUTS_DOC, 'utf8') : '';
  if (next === current) {
    console.log('docs/inputs.md is current');
    return;
  }
  if (check) {
    console.error('docs/inputs.md is stale: run `npm run docs`');
    process.exit(1);
  }
  writeFileSync(INPUTS_DOC, next);
  console.log('docs/inputs.md rewritten from action.yml');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
