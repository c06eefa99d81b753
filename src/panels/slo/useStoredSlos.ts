import { startTransition, useEffect, useState } from 'react';
import type { SloSpec } from '../../spec/types';
import { listAllSlos } from '../../store';

/** The stored SLOs as of one load, with the instant and refresh number the overview evaluates them at. */
export type StoredSlosLoad =
  | { state: 'loading' }
  | { state: 'loaded'; slos: SloSpec[]; at: number; refresh: number }
  | { state: 'failed'; message: string };

type Answer = Exclude<StoredSlosLoad, { state: 'loading' }>;

/**
 * Lists every stored SLO again whenever `reload` changes (the dashboard refreshed), and only then
 * hands on the new instant: the overview loads its tiles once per refresh, with the SLOs that
 * exist now, and keeps showing the last answer while the next list is on its way.
 */
export function useStoredSlos(reload: string, at: number): StoredSlosLoad {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    let live = true;
    const settle = (next: (refresh: number) => Answer) => {
      if (live) {
        // A transition, as on the overview page: hundreds of SLOs are first drawn in slices.
        startTransition(() => setAnswer((before) => next(before?.state === 'loaded' ? before.refresh + 1 : 1)));
      }
    };
    listAllSlos().then(
      (listed) =>
        settle((refresh) =>
          listed.ok
            ? { state: 'loaded', slos: listed.value.slos.map((stored) => stored.slo), at, refresh }
            : { state: 'failed', message: listed.error.message }
        ),
      (error: unknown) =>
        settle(() => ({
          state: 'failed',
          message: `Could not load the SLOs: ${error instanceof Error ? error.message : String(error)}`,
        }))
    );
    return () => {
      live = false;
    };
    // `at` is part of `reload`: a new instant is a new load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);
  return answer ?? { state: 'loading' };
}
