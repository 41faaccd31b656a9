// Generates the README's "Inputs" and "Outputs" tables from action.yml, between the markers
//   <!-- inputs:start --> ... <!-- inputs:end -->
//   <!-- outputs:start --> ... <!-- outputs:end -->
// `npm run docs` rewrites README.md in place; `npm run docs -- --check` only reports
// whether it is stale (exit 1). test/unit/readme.test.ts uses renderReadme().
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ACTION_YML = resolve(ROOT, 'action.yml');
export const README = resolve(ROOT, 'README.md');

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

/** Replaces what lies between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < 0 || j < i) throw new Error(`README.md: markers ${start} / ${end} are missing or out of order`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}

/** The README as it should be, given the current action.yml. */
export function renderReadme(readme: string, actionYml: string): string {
  let text = replaceBetween(readme, 'inputs', renderInputs(actionYml));
  text = replaceBetween(text, 'outputs', renderOutputs(actionYml));
  return text;
}

function main(): void {
  const check = process.argv.includes('--check');
  const readme = readFileSync(README, 'utf8');
  const next = renderReadme(readme, readFileSync(ACTION_YML, 'utf8'));
  if (next === readme) {
    console.log('README.md: input and output tables are current');
    return;
  }
  if (check) {
    console.error('README.md: input/output tables are stale; run `npm run docs`');
    process.exit(1);
  }
  writeFileSync(README, next);
  console.log('README.md: input and output tables rewritten from action.yml');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
