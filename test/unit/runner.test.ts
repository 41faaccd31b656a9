// What the action writes for the runner (src/report/runner.ts, on @actions/core): masks, annotations
// whose data stays one line, outputs in GITHUB_OUTPUT, and plain log lines that can never be a command.
import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as runner from '../../src/report/runner.js';

function stdoutOf(fn: () => void): string {
  let out = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return out;
}

/** What the runner would take as a command in `out` (actions/runner: `::` after leading whitespace, or `##[` anywhere). */
const commands = (out: string): string[] => out.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l) || l.includes('##['));

test('setSecret masks a value at once; an empty one is not sent (it would mask nothing)', () => {
  expect(stdoutOf(() => runner.setSecret('s3cr3t-value'))).toBe('::add-mask::s3cr3t-value\n');
  expect(stdoutOf(() => runner.setSecret(''))).toBe('');
});

test('an annotation stays one line: CR, LF and % in its data are escaped', () => {
  const out = stdoutOf(() => runner.warning('one\r\n::set-output name=x::y 100%'));
  expect(out).toBe('::warning::one%0D%0A::set-output name=x::y 100%25\n');
  expect(commands(out)).toEqual(['::warning::one%0D%0A::set-output name=x::y 100%25']);
});

test('setFailed is an ::error:: annotation and fails the step', () => {
  const saved = process.exitCode;
  try {
    expect(stdoutOf(() => runner.setFailed('bad\ninput'))).toBe('::error::bad%0Ainput\n');
    expect(process.exitCode).toBe(1);
  } finally {
    process.exitCode = saved;
  }
});

test('outputs go to the GITHUB_OUTPUT file, a multi-line value whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'));
  const file = join(dir, 'output');
  writeFileSync(file, '');
  const saved = process.env.GITHUB_OUTPUT;
  process.env.GITHUB_OUTPUT = file;
  try {
    expect(stdoutOf(() => runner.setOutput('plan', 'line 1\n::warning::line 2'))).toBe('');
    const text = readFileSync(file, 'utf8');
    const m = /^plan<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*)\n\1\n$/.exec(text);
    expect(m?.[2]).toBe('line 1\n::warning::line 2');
  } finally {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('logLine: the one function that writes plain log lines', () => {
  const hostile = [
    '::warning title=x::injected',
    '  ::set-output name=changed::true',
    'plan\n::error::injected on the second line',
    'plan\r::add-mask::x',
    'text ##[set-output name=x]y',
    '\t::stop-commands::token',
  ];
  test.each(hostile)('%j issues no command, and reads the same', (text) => {
    const out = stdoutOf(() => runner.logLine(text));
    expect(commands(out)).toEqual([]);
    expect(out.replace(/\u200b/g, '')).toBe(`${text.replace(/\r\n|\r/g, '\n')}\n`);
  });

  test('ordinary lines are unchanged', () => {
    expect(stdoutOf(() => runner.logLine('Plan: 1 to create\n  image: "a:b" -> "a:c"'))).toBe('Plan: 1 to create\n  image: "a:b" -> "a:c"\n');
  });

  test('a group title is one line', async () => {
    let out = '';
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    try {
      await runner.group('title\n::warning::x', async () => runner.logLine('inside'));
    } finally {
      spy.mockRestore();
    }
    expect(out).toBe('::group::title\\n::warning::x\ninside\n::endgroup::\n');
  });
});

test('oneLine shows control characters escaped', () => {
  expect(runner.oneLine('a\nb\r\tc\u0007')).toBe('a\\nb\\r\\tc\\u0007');
});
