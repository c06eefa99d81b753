import { useEffect, useState } from 'react';
import type { PanelState } from '../../panels/slo/panelState';
import type { StoredSlo } from '../../store';
import { evaluateStoredSlo } from './sloEvaluation';
import { taskQueue } from './taskQueue';

/** SLO evaluations in flight at once: each reads the SLO's whole window from its datasource. */
export const EVALUATIONS_IN_FLIGHT = 4;

interface Evaluations {
  slos: StoredSlo[];
  to: number | undefined;
  states: ReadonlyMap<string, PanelState>;
}

const NONE: ReadonlyMap<string, PanelState> = new Map();

async function evaluate(stored: StoredSlo, to: number): Promise<PanelState> {
  try {
    return await evaluateStoredSlo(stored, to);
  } catch (error) {
    // evaluateStoredSlo turns what users cause into states; whatever else fails stays on its row.
    return { kind: 'invalidOptions', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The states of `slos` (keyed by uid) as their answers arrive, a few at a time; an SLO not yet
 * evaluated is missing. Keep `slos` the same array while it is the same page: a new one
 * evaluates again, while sorting or filtering its rows does not.
 */
export function useSloEvaluations(slos: StoredSlo[], to: number | undefined): ReadonlyMap<string, PanelState> {
  // One queue for the page's life, so that answers still in flight for a previous page count too.
  const [queue] = useState(() => taskQueue(EVALUATIONS_IN_FLIGHT));
  const [done, setDone] = useState<Evaluations>({ slos, to, states: NONE });

  useEffect(() => {
    // One end for every row, so that the rows of a page are evaluated at the same time.
    const end = to ?? Date.now();
    let current = true;
    const drops = slos.map((stored) =>
      queue.push(async () => {
        const state = await evaluate(stored, end);
        if (current) {
          setDone((previous) => {
            const kept = previous.slos === slos && previous.to === to ? previous.states : NONE;
            return { slos, to, states: new Map(kept).set(stored.slo.uid, state) };
          });
        }
      })
    );
    return () => {
      current = false;
      drops.forEach((drop) => drop());
    };
  }, [queue, slos, to]);

  return done.slos === slos && done.to === to ? done.states : NONE;
}
