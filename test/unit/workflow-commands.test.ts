// The action writes workflow commands itself (src/report/workflow-commands.ts, to keep
// @actions/core's HTTP client out of every start-up): each function must write exactly what
// @actions/core writes, byte for byte, for the texts the runner parses specially.
import { jest } from '@jest/globals';
import * as reference from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ours from '../../src/report/workflow-commands.js';

const TEXTS = [
  'plain',
  'with % percent, %25 already escaped and %0A a fake newline',
  'two\nlines\r\nand a CR',
  'colons: and, commas :: like a command',
  '::error::injected',
  'unicode ✓ ünïcödé',
  '',
];

interface Captured {
  stdout: string;
  output: string;
  exitCode: typeof process.exitCode;
}

async function capture(fn: () => unknown, withOutputFile = true): Promise<Captured> {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-commands-'));
  const file = join(dir, 'output');
  writeFileSync(file, '');
  const saved = { output: process.env.GITHUB_OUTPUT, exitCode: process.exitCode };
  if (withOutputFile) process.env.GITHUB_OUTPUT = file;
  else delete process.env.GITHUB_OUTPUT;
  process.exitCode = undefined;
  let stdout = '';
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    await fn();
    // The delimiter is random (a UUID) on both sides.
    const output = readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_UUID');
    return { stdout, output, exitCode: process.exitCode };
  } finally {
    spy.mockRestore();
    if (saved.output === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved.output;
    process.exitCode = saved.exitCode;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(TEXTS)('writes what @actions/core writes for %j', (text) => {
  test.each(['info', 'debug', 'notice', 'warning', 'error', 'setFailed'] as const)('%s', async (fn) => {
    const expected = await capture(() => reference[fn](text));
    expect(await capture(() => ours[fn](text))).toEqual(expected);
  });

  test('setOutput, to GITHUB_OUTPUT and (an old runner) as ::set-output::', async () => {
    for (const withFile of [true, false]) {
      const expected = await capture(() => reference.setOutput(`name:${text.length},x`, text), withFile);
      expect(await capture(() => ours.setOutput(`name:${text.length},x`, text), withFile)).toEqual(expected);
    }
  });

  test('group, also when its function throws', async () => {
    const expected = await capture(() => reference.group(text, async () => reference.info('inside')));
    expect(await capture(() => ours.group(text, async () => ours.info('inside')))).toEqual(expected);
    const failing = async (g: typeof ours.group) => g(text, async () => Promise.reject(new Error('boom'))).catch((e: Error) => e.message);
    const expectedFailure = await capture(() => failing(reference.group));
    expect(await capture(() => failing(ours.group))).toEqual(expectedFailure);
  });

  test('setSecret (an empty value is not sent: it would mask nothing)', async () => {
    const expected = text ? await capture(() => reference.setSecret(text)) : await capture(() => undefined);
    expect(await capture(() => ours.setSecret(text))).toEqual(expected);
  });
});

test('setOutput refuses a missing GITHUB_OUTPUT file as @actions/core does', () => {
  const saved = process.env.GITHUB_OUTPUT;
  process.env.GITHUB_OUTPUT = join(tmpdir(), 'no-such-dir-workflow-commands', 'output');
  try {
    expect(() => reference.setOutput('a', 'b')).toThrow(/Missing file at path/);
    expect(() => ours.setOutput('a', 'b')).toThrow(/Missing file at path/);
  } finally {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT;
    else process.env.GITHUB_OUTPUT = saved;
  }
});
