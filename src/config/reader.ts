// Reads one raw input at a time and records what is wrong with it, so parseConfig can
// report every bad input at once.
import { parseDuration, formatDuration } from './duration.js';
import { INPUT_DEFAULTS, type InputName, type RawInputs } from './inputs.js';
import { quote } from './lists.js';
import type { TextRule } from './rules.js';
import { InputError } from './types.js';

export class Reader {
  readonly raw: RawInputs;
  readonly errors: InputError[] = [];
  /** Inputs set for a part this run does not use: ignored, each with a notice saying why. */
  readonly notices: string[] = [];

  constructor(raw: RawInputs) {
    this.raw = raw;
  }

  /** Records a problem with `input`; returns undefined so callers can `return r.fail(...)`. */
  fail(input: InputName, message: string): undefined {
    this.errors.push(new InputError(input, message));
    return undefined;
  }

  /** Records that `input` is ignored, and `why` (not an error: the run does what was asked). */
  ignore(input: InputName, why: string): void {
    this.notices.push(`Input '${input}' is ignored: ${why}.`);
  }

  hasError(input: InputName): boolean {
    return this.errors.some((e) => e.input === input);
  }

  /** The value, or undefined when empty. */
  text(input: InputName): string | undefined {
    return this.raw[input] === '' ? undefined : this.raw[input];
  }

  /** Whether the input differs from its action.yml default (i.e. the user set it). */
  isSet(input: InputName): boolean {
    return this.raw[input] !== INPUT_DEFAULTS[input];
  }

  required(input: InputName, rule: TextRule): string | undefined {
    if (this.text(input) === undefined) return this.fail(input, `required: ${rule.allowed}.`);
    return this.matching(input, rule);
  }

  matching(input: InputName, rule: TextRule): string | undefined {
    const value = this.text(input);
    if (value === undefined || rule.pattern.test(value)) return value;
    return this.notAllowed(input, rule.allowed);
  }

  notAllowed(input: InputName, allowed: string): undefined {
    return this.fail(input, `${quote(this.raw[input])} is not allowed: ${allowed}.`);
  }

  /** One of `values`, matched in any case (post -> POST). */
  oneOf<T extends string>(input: InputName, values: readonly T[]): T | undefined {
    const value = this.text(input)?.toLowerCase();
    if (value === undefined) return undefined;
    return values.find((v) => v.toLowerCase() === value) ?? this.notAllowed(input, `use ${orList(values)}`);
  }

  /** true or false, in any case. */
  bool(input: InputName): boolean {
    const value = this.raw[input].toLowerCase();
    if (value !== 'true' && value !== 'false') this.notAllowed(input, 'use true or false');
    return value === 'true';
  }

  int(input: InputName, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.text(input);
    if (value === undefined) return undefined;
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (n >= min && n <= max) return n;
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    return this.notAllowed(input, `use a whole number ${range}`);
  }

  duration(input: InputName, minSeconds: number, maxSeconds: number): number | undefined {
    const value = this.text(input);
    if (value === undefined) return undefined;
    const seconds = parseDuration(value);
    if (seconds !== undefined && seconds >= minSeconds && seconds <= maxSeconds) return seconds;
    const range = `from ${formatDuration(minSeconds)} to ${formatDuration(maxSeconds)}`;
    return this.notAllowed(input, `use a duration ${range}, such as 90s, 10m, 2h, 1h30m or a number of seconds`);
  }
}

export function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
