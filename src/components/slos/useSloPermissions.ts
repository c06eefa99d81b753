import { useCallback, useMemo } from 'react';
import { canWriteSlos, listFolders, type GrafanaFolder, type StoreError, type StoreResult } from '../../store';
import { useLoaded } from './useLoaded';

export interface SloPermissions {
  /** 'loading' until the folders are known; nothing is offered before. A Viewer is 'loaded' at once. */
  status: 'loading' | 'loaded' | 'error';
  /** Why the folders could not be loaded, when status is 'error'. */
  error?: StoreError;
  retry: () => void;
  /** Whether to offer "Create SLO" and "Import" (the user may create library panels somewhere). */
  canCreate: boolean;
  /** Whether to offer edit and delete for an SLO in this folder ('' is General). */
  canEdit: (folderUid: string) => boolean;
  /** The folders the user may save SLOs in, once known. */
  editableFolders: GrafanaFolder[];
}

const noFolders = (): Promise<StoreResult<GrafanaFolder[]>> => Promise.resolve({ ok: true, value: [] });

/**
 * The edit controls the signed-in user gets. A Viewer gets none and the folders are not asked for;
 * an Editor gets them per folder once the folders are loaded.
 */
export function useSloPermissions(): SloPermissions {
  const mayWrite = canWriteSlos();
  const load = useCallback(() => (mayWrite ? listFolders() : noFolders()), [mayWrite]);
  const { result, retry } = useLoaded(load);
  return useMemo(() => {
    const editableFolders = result?.ok ? result.value.filter((folder) => folder.canEdit) : [];
    const editable = new Set(editableFolders.map((folder) => folder.uid));
    return {
      status: result === null ? 'loading' : result.ok ? 'loaded' : 'error',
      error: result && !result.ok ? result.error : undefined,
      retry,
      canCreate: mayWrite && editableFolders.length > 0,
      canEdit: (folderUid: string) => mayWrite && editable.has(folderUid === 'general' ? '' : folderUid),
      editableFolders,
    };
  }, [mayWrite, result, retry]);
}
