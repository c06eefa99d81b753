import { useCallback, useEffect, useState } from 'react';
import type { StoreError, StoreResult } from '../../store';

interface Done<T> {
  load: () => Promise<T>;
  attempt: number;
  result: T;
}

/**
 * The result of `load` (memoize it: a new function loads again), null while it runs; `retry`
 * runs it again. An answer that arrives after `load` changed is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>): { result: T | null; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<Done<T> | null>(null);
  useEffect(() => {
    let current = true;
    load().then((result) => {
      if (current) {
        setDone({ load, attempt, result });
      }
    });
    return () => {
      current = false;
    };
  }, [load, attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { result: done !== null && done.load === load && done.attempt === attempt ? done.result : null, retry };
}

/** A store call's state for a page: loading, its error, or its value. */
export type StoreLoad<T> = { kind: 'loading' } | { kind: 'error'; error: StoreError } | { kind: 'loaded'; value: T };

/** `useLoaded` for a store call (memoize `load`), its result read as a page state. */
export function useStoreLoad<T>(load: () => Promise<StoreResult<T>>): { state: StoreLoad<T>; retry: () => void } {
  const { result, retry } = useLoaded(load);
  const state: StoreLoad<T> =
    result === null
      ? { kind: 'loading' }
      : result.ok
        ? { kind: 'loaded', value: result.value }
        : { kind: 'error', error: result.error };
  return { state, retry };
}
