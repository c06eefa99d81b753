import { useCallback } from 'react';
import { defaultAppSettings, newSloWithSettings, type AppSettings } from '../../spec/settings';
import type { SloSpec } from '../../spec/types';
import { getSlo, type StoredSlo, type StoreResult } from '../../store';
import { useStoreLoad, type StoreLoad } from '../slos/useLoaded';

export interface EditorStart {
  /** The stored SLO to edit; null for a new SLO. */
  opened: StoredSlo | null;
  initial: SloSpec;
}

/** The app's settings for new SLOs. */
async function appSettings(): Promise<AppSettings> {
  // The store has no reader of the app's settings yet: new SLOs start from the defaults.
  return defaultAppSettings();
}

async function startOf(uid: string | undefined): Promise<StoreResult<EditorStart>> {
  if (uid === undefined) {
    return { ok: true, value: { opened: null, initial: newSloWithSettings(await appSettings()) } };
  }
  const stored = await getSlo(uid);
  return stored.ok ? { ok: true, value: { opened: stored.value, initial: stored.value.slo } } : stored;
}

/** What the editor starts from: the stored SLO of `uid`, or a new SLO when there is no uid. */
export function useEditorStart(uid: string | undefined): { start: StoreLoad<EditorStart>; retry: () => void } {
  const load = useCallback(() => startOf(uid), [uid]);
  const { state, retry } = useStoreLoad(load);
  return { start: state, retry };
}
