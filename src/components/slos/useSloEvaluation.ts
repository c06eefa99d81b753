import { useCallback } from 'react';
import type { PanelState } from '../../panels/slo/panelState';
import type { StoredSlo } from '../../store';
import { evaluateStoredSlo } from './sloEvaluation';
import { useLoaded } from './useLoaded';

/** The SLO's state over its window ending at `to` (default now); loading until the queries answer. */
export function useSloEvaluation(stored: StoredSlo | null, to: number | undefined): PanelState {
  const load = useCallback(async () => (stored ? evaluateStoredSlo(stored, to) : null), [stored, to]);
  const { result } = useLoaded(load);
  return result ?? { kind: 'loading' };
}
