// Every Google API call goes through here: retried while the error is passing, turned
// into one message that names the step, the resource and the fix when it is not.
import { explainApiError, type ErrorContext } from '../errors/explain.js';
import { withRetry, type RetryOptions } from './retry.js';

export interface Api {
  /** Epoch ms by which the whole run must be over. */
  readonly deadline: number;
  call<T>(action: string, resource: string | undefined, fn: () => Promise<T>, retry?: RetryOptions): Promise<T>;
}

export function createApi(base: Omit<ErrorContext, 'action' | 'resource'>, deadline: number, onRetry?: RetryOptions['onRetry']): Api {
  return {
    deadline,
    async call(action, resource, fn, retry) {
      try {
        return await withRetry(fn, { deadline, onRetry, ...retry });
      } catch (err) {
        throw explainApiError(err, { ...base, action, resource });
      }
    },
  };
}
