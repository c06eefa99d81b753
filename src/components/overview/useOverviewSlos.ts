import { startTransition, useCallback, useEffect, useState } from 'react';
import { listAllSlos, type InvalidSlo, type StoreError } from '../../store';
import type { SloSpec } from '../../spec/types';

/** What the overview evaluates: every stored SLO, and the instant of the refresh that listed them. */
export interface OverviewSlos {
  /** null until the first list arrives. */
  slos: SloSpec[] | null;
  invalid: InvalidSlo[];
  /** The last listing failed; earlier SLOs, if any, stay on screen. */
  error: StoreError | null;
  /** The refresh's instant (ms), taken when it was asked for. */
  at: number;
  /** Counts refreshes whose list arrived. */
  refresh: number;
}

/**
 * Lists every SLO, and again on `refresh()`. The SLOs, `at` and `refresh` change together when a
 * list arrives, so one refresh loads the tiles once; the previous SLOs stay while it runs.
 */
export function useOverviewSlos(): OverviewSlos & { reload: () => void } {
  const [asked, setAsked] = useState(() => ({ count: 0, at: Date.now() }));
  const [listed, setListed] = useState<OverviewSlos>(() => ({
    slos: null,
    invalid: [],
    error: null,
    at: asked.at,
    refresh: 0,
  }));
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
                at: asked.at,
                refresh: before.refresh + 1,
              }
            : { ...before, error: result.error }
        )
      );
    });
    return () => {
      live = false;
    };
  }, [asked]);
  const reload = useCallback(() => setAsked(({ count }) => ({ count: count + 1, at: Date.now() })), []);
  return { ...listed, reload };
}
