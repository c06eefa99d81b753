import { useCallback, useState } from 'react';
import type { SloSpec } from '../../spec/types';
import {
  createSlo,
  getSlo,
  isRetryable,
  updateSlo,
  type StoredSlo,
  type StoreError,
  type StoreResult,
} from '../../store';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'busy'; doing: string }
  /** `retry` does the same again (after a network or server error). */
  | { kind: 'failed'; error: StoreError; retry?: () => void };

export interface SaveSloOptions {
  /** The stored SLO the editor opened; null for a new SLO. */
  opened: StoredSlo | null;
  onSaved: (stored: StoredSlo) => void;
  /** Grafana refused the SLO as it is (a taken name or uid, a missing folder): errors at fields. */
  onInvalid: (error: StoreError & { kind: 'invalid' }) => void;
  /** The server's SLO replaces the user's edits. */
  onReloaded: (stored: StoredSlo) => void;
}

export interface SaveSlo {
  state: SaveState;
  /** The server's version the user has seen: what a conflict is compared with. */
  seen: StoredSlo | null;
  save: (slo: SloSpec) => void;
  /** After a conflict: saves over the version the conflict showed, so a newer one is a conflict again. */
  overwrite: (slo: SloSpec) => void;
  /** After the SLO was deleted by someone else: creates it again. */
  saveAsNew: (slo: SloSpec) => void;
  reload: () => void;
  dismiss: () => void;
}

/**
 * Saving from the editor: create or update against the version the user has seen, and the ways
 * out of a failed save. Nothing here changes the user's edits, except `reload`, on request.
 */
export function useSaveSlo({ opened, onSaved, onInvalid, onReloaded }: SaveSloOptions): SaveSlo {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [seen, setSeen] = useState(opened);

  const run = useCallback(
    (doing: string, action: () => Promise<StoreResult<StoredSlo>>, done: (stored: StoredSlo) => void) => {
      async function attempt() {
        setState({ kind: 'busy', doing });
        const result = await action();
        if (result.ok) {
          setState({ kind: 'idle' });
          done(result.value);
          return;
        }
        const { error } = result;
        if (error.kind === 'invalid') {
          onInvalid(error);
        }
        setState({ kind: 'failed', error, retry: isRetryable(error) ? () => void attempt() : undefined });
      }
      void attempt();
    },
    [onInvalid]
  );

  const save = useCallback(
    (slo: SloSpec) =>
      seen === null
        ? run('Creating the SLO...', () => createSlo(slo), onSaved)
        : run('Saving the SLO...', () => updateSlo(slo, seen.version, { view: seen.view }), onSaved),
    [run, seen, onSaved]
  );

  const overwrite = useCallback(
    (slo: SloSpec) => {
      const current = state.kind === 'failed' && state.error.kind === 'conflict' ? state.error.current : undefined;
      if (current === undefined) {
        return;
      }
      setSeen(current);
      const view = current.view ?? seen?.view;
      run('Saving over their version...', () => updateSlo(slo, current.version, { view }), onSaved);
    },
    [run, state, seen, onSaved]
  );

  const saveAsNew = useCallback(
    (slo: SloSpec) => run('Creating the SLO...', () => createSlo(slo, { view: seen?.view }), onSaved),
    [run, seen, onSaved]
  );

  const reload = useCallback(() => {
    const uid = seen?.slo.uid;
    if (uid !== undefined) {
      run(
        'Loading the SLO...',
        () => getSlo(uid),
        (stored) => {
          setSeen(stored);
          onReloaded(stored);
        }
      );
    }
  }, [run, seen, onReloaded]);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, seen, save, overwrite, saveAsNew, reload, dismiss };
}
