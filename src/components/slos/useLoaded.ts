import { useCallback, useEffect, useState } from 'react';

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
