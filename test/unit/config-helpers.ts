// Shared inputs for the config tests: a minimal valid job, overridable per test.
import { parseConfig } from '../../src/config/parse-config.js';
import { InputErrors, type Config } from '../../src/config/types.js';

export const REQUIRED = { region: 'europe-west1', name: 'nightly', image: 'europe-west1-docker.pkg.dev/my-proj/repo/app:1' };
export const INVOKER = 'invoker@my-proj.iam.gserviceaccount.com';
export const SCHEDULED = { ...REQUIRED, schedule: '0 3 * * *', invoker_service_account: INVOKER };

export function parse(inputs: Record<string, string>): Config {
  return parseConfig((name) => inputs[name] ?? '');
}

/** The InputErrors parse throws, or a failure if it does not. */
export function errorsOf(inputs: Record<string, string>): InputErrors {
  try {
    parse(inputs);
  } catch (e) {
    if (e instanceof InputErrors) return e;
    throw e;
  }
  throw new Error(`expected InputErrors for ${JSON.stringify(inputs)}`);
}

/** The single error message for one bad input. */
export function errorFor(inputs: Record<string, string>): string {
  const e = errorsOf(inputs);
  expect(e.errors).toHaveLength(1);
  return e.message;
}
