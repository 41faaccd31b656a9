// action.yml and INPUT_DEFAULTS must agree, so dist/index.js run without the runner's
// defaults behaves as on GitHub.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { INPUT_DEFAULTS, REQUIRED_INPUTS, readInputs } from '../../src/config/inputs.js';

interface ActionInput {
  default?: string;
  required?: boolean;
}
const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, ActionInput> };
const inputs = Object.entries(action.inputs);

describe('INPUT_DEFAULTS and action.yml', () => {
  it('list the same inputs', () => {
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it.each(inputs)('%s has the same default', (name, input) => {
    expect(INPUT_DEFAULTS[name as keyof typeof INPUT_DEFAULTS]).toBe(input.default ?? '');
  });

  it('agree on the required inputs, which have no default', () => {
    const required = inputs.filter(([, i]) => i.required === true).map(([n]) => n);
    expect([...REQUIRED_INPUTS].sort()).toEqual(required.sort());
    for (const [, input] of inputs.filter(([, i]) => i.required === true)) expect(input.default).toBeUndefined();
  });

  it('every input has a description', () => {
    for (const [, input] of inputs) expect((input as { description?: string }).description).toBeTruthy();
  });
});

describe('readInputs', () => {
  it('applies the defaults to absent and empty inputs and trims the rest', () => {
    const raw = readInputs((n) => ({ name: '  nightly ', kind: '' })[n] ?? '');
    expect(raw.name).toBe('nightly');
    expect(raw.kind).toBe('job');
    expect(raw.time_zone).toBe('Etc/UTC');
    expect(raw.smoke_timeout).toBe('10m');
  });
});
