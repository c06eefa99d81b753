import { startTransition, useEffect, useState } from 'react';
import { listAllSlos, type InvalidSlo, type StoreError } from '../../store';
import type { SloSpec } from '../../spec/types';

/** What the overview evaluates: every stored SLO, and the instant of the refresh that listed them. */
export interface StoredSlos {
  /** null until the first list arrives. */
  slos: SloSpec[] | null;
  invalid: InvalidSlo[];
  /** The last listing failed; earlier SLOs, if any, stay. */
  error: StoreError | null;
  /** The refresh's instant (ms). */
  at: number;
  /** Counts refreshes whose list arrived. */
  refresh: number;
}

/**
 * Lists every stored SLO, and again whenever `reload` changes (the overview page's Refresh, the
 * dashboard's refresh). The SLOs, `at` and `refresh` change together when a list arrives, so one
 * refresh loads the tiles once, with the SLOs that exist now; the previous SLOs stay meanwhile.
 */
export function useStoredSlos(reload: string | number, at: number): StoredSlos {
  const [listed, setListed] = useState<StoredSlos>(() => ({ slos: null, invalid: [], error: null, at, refresh: 0 }));
  useEffect(() => {
    let live = true;
    listAllSlos().then((result) => {
      if (!live) {
        return;
      }
      // A transition, as the tiles' answers: the first drawing of hundreds of SLOs comes in slices.
      startTransition(() =>
        setListed((before) =>
          result.ok
            ? {
                slos: result.value.slos.map((stored) => stored.slo),
                invalid: result.value.invalid,
                error: null,
                at,
                refresh: before.refresh + 1,
              }
            : { ...before, error: result.error }
        )
      );
    });
    return () => {
      live = false;
    };
    // A new instant comes with a new `reload`: that is when to list again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reload]);
  return listed;
}
