// KEY=VALUE lists (env_vars, secrets, labels) in google-github-actions/deploy-cloudrun's
// forms: one a line or comma-separated; a value may contain '='; a comma in a value is
// written '\,' or the value is quoted ("a,b" or 'a,b', where the quotes are not part of it).
import { RESERVED_ENV_NAMES, RESERVED_LABEL_PREFIXES, RULES } from './rules.js';
import type { EnvVar, SecretEnvVar, SecretFile } from './types.js';
import { reservedLabel } from '../ownership/record.js';

export interface Pair {
  key: string;
  value: string;
}

/** The pairs of `text`, or the problems found (one sentence each). */
type Parsed<T> = { items: T[]; problems: string[] };

/** What an error about a list entry shows, so the fix is in the message. */
export const LIST_FORMS =
  'write one KEY=VALUE a line, or KEY=VALUE,KEY2=VALUE2; a value with a comma is quoted (KEY="a,b") or escapes it (KEY=a\\,b)';

const QUOTES = new Set(['"', "'"]);

/**
 * The entries of a list, split on newlines and on commas outside quotes. A value that starts
 * with a quote runs to the matching quote (commas and newlines included); `\,` is a comma and
 * `\"` or `\'` a quote anywhere. `problems` gets an unclosed quote or text after one.
 */
function splitEntries(text: string, problems: string[]): string[] {
  const entries: string[] = [];
  let entry = '';
  let open: string | undefined;
  let afterQuote = false;
  let inValue = false;
  const end = (): void => {
    if (entry.trim() !== '') entries.push(entry.trim());
    entry = '';
    inValue = false;
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const next = text[i + 1] ?? '';
    if (ch === '\\' && (next === ',' || QUOTES.has(next))) {
      entry += next;
      i++;
    } else if (open !== undefined) {
      if (ch === open) {
        open = undefined;
        afterQuote = true;
      } else {
        entry += ch;
      }
    } else if (ch === ',' || ch === '\n' || ch === '\r') {
      end();
    } else if (afterQuote && ch.trim() !== '') {
      problems.push(`the quoted value of ${quote(entry.slice(0, entry.indexOf('=')).trim())} has text after its closing quote: ${LIST_FORMS}`);
      afterQuote = false;
      entry += ch;
    } else if (inValue && QUOTES.has(ch) && entry.slice(entry.indexOf('=') + 1).trim() === '') {
      entry = entry.trimEnd();
      open = ch;
    } else {
      if (ch === '=') inValue = true;
      entry += ch;
    }
  }
  if (open !== undefined) problems.push(`the value of ${quote(entry.slice(0, entry.indexOf('=')).trim())} has no closing ${open}: ${LIST_FORMS}`);
  end();
  return entries;
}

/** `showEntries: false` (env_vars): an entry that is not KEY=VALUE may be (part of) a value, so it is not echoed. */
export function parsePairs(text: string, showEntries = true): Parsed<Pair> {
  const items: Pair[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of splitEntries(text, problems).entries()) {
    const eq = entry.indexOf('=');
    const key = eq > 0 ? entry.slice(0, eq).trim() : '';
    if (key === '') {
      const what = showEntries ? quote(entry) : `entry ${i + 1} (not shown: it may hold a value)`;
      problems.push(`${what} is not KEY=VALUE: ${LIST_FORMS}`);
    } else if (seen.has(key)) {
      problems.push(`${quote(key)} is given twice`);
    } else {
      seen.add(key);
      items.push({ key, value: entry.slice(eq + 1).trim() });
    }
  }
  return { items, problems };
}

function envNameProblem(name: string): string | undefined {
  if (!RULES.envName.pattern.test(name)) return `the name ${quote(name)} is not allowed: use ${RULES.envName.allowed}`;
  if (RESERVED_ENV_NAMES.has(name) || name.startsWith('X_GOOGLE_')) return `${quote(name)} is reserved: Cloud Run sets it`;
  return undefined;
}

export function parseEnvVars(text: string): Parsed<EnvVar> {
  const { items, problems } = parsePairs(text, false);
  problems.push(...items.flatMap(({ key }) => envNameProblem(key) ?? []));
  return { items: items.map(({ key, value }) => ({ name: key, value })), problems };
}

/** A secret file's path: absolute, a directory and a file name, no `..` or empty parts. */
const SECRET_PATH = /^(?:\/[A-Za-z0-9_.-]+)+$/;

/**
 * KEY=SECRET:VERSION entries: a KEY that starts with '/' is a file path (the secret mounted as
 * that file, deploy-cloudrun's convention), any other KEY an environment variable.
 */
export function parseSecrets(text: string): Parsed<SecretEnvVar> & { files: SecretFile[] } {
  const { items, problems } = parsePairs(text);
  const secrets: SecretEnvVar[] = [];
  const files: SecretFile[] = [];
  for (const { key, value } of items) {
    const isFile = key.startsWith('/');
    const keyProblem = isFile ? secretPathProblem(key) : envNameProblem(key);
    if (keyProblem) problems.push(keyProblem);
    if (!RULES.secretRef.pattern.test(value)) {
      problems.push(`${quote(`${key}=${value}`)} is not allowed: write KEY=${RULES.secretRef.allowed} (or /MOUNT/PATH/FILE=SECRET:VERSION for a file)`);
      continue;
    }
    const colon = value.lastIndexOf(':');
    const ref = { secret: value.slice(0, colon), version: value.slice(colon + 1) };
    if (isFile) files.push({ path: key, ...ref });
    else secrets.push({ name: key, ...ref });
  }
  problems.push(...mountProblems(files));
  return { items: secrets, files, problems };
}

function secretPathProblem(path: string): string | undefined {
  const parts = path.split('/').slice(1);
  if (!SECRET_PATH.test(path) || parts.length < 2 || parts.some((p) => p === '.' || p === '..')) {
    return `the file path ${quote(path)} is not allowed: use /MOUNT/DIR/FILE (a directory to mount and a file name; letters, digits, '.', '_' and '-')`;
  }
  return undefined;
}

/** The directory a secret file is mounted in. */
export function mountDir(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** One volume per directory: the files in a directory come from one secret. */
function mountProblems(files: SecretFile[]): string[] {
  const byDir = new Map<string, string>();
  const out: string[] = [];
  for (const f of files) {
    const dir = mountDir(f.path);
    const other = byDir.get(dir);
    if (other !== undefined && other !== f.secret) {
      out.push(`${quote(dir)} holds files of two secrets (${other} and ${f.secret}): a directory is one secret's volume, use another directory`);
    }
    byDir.set(dir, f.secret);
  }
  return out;
}

export function parseLabels(text: string): Parsed<Pair> {
  const { items, problems } = parsePairs(text);
  for (const { key, value } of items) {
    if (RESERVED_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      problems.push(`the key ${quote(key)} is reserved: keys under ${RESERVED_LABEL_PREFIXES.join(' and ')} are set by Google Cloud`);
    } else if (reservedLabel(key)) {
      problems.push(reservedLabel(key)!);
    } else if (!RULES.labelKey.pattern.test(key)) {
      problems.push(`the key ${quote(key)} is not allowed: use ${RULES.labelKey.allowed}`);
    }
    if (!RULES.labelValue.pattern.test(value)) {
      problems.push(`the value ${quote(value)} of ${quote(key)} is not allowed: use ${RULES.labelValue.allowed}`);
    }
  }
  if (items.length > 64) problems.push(`${items.length} labels are too many: at most 64`);
  return { items, problems };
}

/** A value as the messages show it: JSON-quoted, long ones cut. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}
