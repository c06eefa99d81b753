import type { StoreResult } from '../index';

/** The value of a result the test expects to succeed; throws with the error's kind and message otherwise. */
export function valueOf<T>(result: StoreResult<T>): T {
  if (!result.ok) {
    throw new Error(`expected success, got ${result.error.kind}: ${result.error.message}`);
  }
  return result.value;
}

/** The error of a result the test expects to fail. */
export function errorOf<T>(result: StoreResult<T>) {
  if (result.ok) {
    throw new Error('expected an error, got success');
  }
  return result.error;
}
