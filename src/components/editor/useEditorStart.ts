import { useCallback } from 'react';
import { defaultAppSettings, newSloWithSettings, type AppSettings } from '../../spec/settings';
import type { SloSpec } from '../../spec/types';
import { getSlo, loadAppSettings, type StoredSlo, type StoreResult } from '../../store';
import { useStoreLoad, type StoreLoad } from '../slos/useLoaded';

export interface EditorStart {
  /** The stored SLO to edit; null for a new SLO. */
  opened: StoredSlo | null;
  initial: SloSpec;
}

/** The app's settings for new SLOs; their defaults when Grafana cannot give them (they only save typing). */
async function appSettings(): Promise<AppSettings> {
  const loaded = await loadAppSettings();
  return loaded.ok ? loaded.value : defaultAppSettings();
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
