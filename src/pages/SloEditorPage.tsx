import React from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { NavModelItem } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LinkButton, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { SloEditor } from '../components/editor/SloEditor';
import { useEditorStart, type EditorStart } from '../components/editor/useEditorStart';
import { StoreErrorAlert } from '../components/slos/StoreErrorAlert';
import { useSloPermissions, type SloPermissions } from '../components/slos/useSloPermissions';
import { testIds } from '../components/testIds';
import { prefixRoute, ROUTES, sloPageUrl } from '../constants';
import { canWriteSlos, GENERAL_FOLDER_TITLE, isRetryable, type StoredSlo, type StoreError } from '../store';

const SLOS_NAV = { text: 'SLOs', url: prefixRoute(ROUTES.Slos) };

function pageNavOf(uid: string | undefined, stored: StoredSlo | null): NavModelItem {
  if (uid === undefined) {
    return { text: 'New SLO', parentItem: SLOS_NAV };
  }
  return { text: 'Edit', parentItem: { text: stored?.slo.name ?? uid, url: sloPageUrl(uid), parentItem: SLOS_NAV } };
}

/** Why there is no form, or null when the user may edit. */
function refusal(start: EditorStart, permissions: SloPermissions): string | null {
  const { opened } = start;
  if (!canWriteSlos()) {
    return opened
      ? 'Your role may view this SLO but not edit it: ask an admin for edit permission on its folder.'
      : 'Your role may view SLOs but not create them: ask an admin for edit permission on a folder.';
  }
  if (opened && !permissions.canEdit(opened.folderUid)) {
    const folder = opened.folderName ?? (opened.folderUid === '' ? GENERAL_FOLDER_TITLE : opened.folderUid);
    return `You may not edit SLOs in folder "${folder}": ask an admin for edit permission on the folder.`;
  }
  return null;
}

/** A new SLO starts in the settings' folder when the user may save there, else in the first folder they may. */
function initialOf(start: EditorStart, permissions: SloPermissions) {
  const { initial, opened } = start;
  const folders = permissions.editableFolders;
  if (opened || folders.some((folder) => folder.uid === initial.folderUid) || folders.length === 0) {
    return initial;
  }
  return { ...initial, folderUid: folders[0].uid };
}

/** The SLO editor at `slos/new` and `slos/:uid/edit`. */
function SloEditorPage() {
  const { uid } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = useSloPermissions();
  const { start, retry } = useEditorStart(uid);
  const loaded = start.kind === 'loaded' ? start.value : null;
  // Until the folders are known, nobody's permission on a folder is.
  const checking = permissions.status !== 'loaded';

  const cancel = () => {
    if (location.key !== 'default') {
      navigate(-1);
    } else {
      navigate(uid === undefined ? prefixRoute(ROUTES.Slos) : sloPageUrl(uid));
    }
  };
  const loadError = start.kind === 'error' ? start.error : permissions.error;
  const retryAll = () => {
    retry();
    permissions.retry();
  };
  const refused = loaded && !checking ? refusal(loaded, permissions) : null;

  return (
    <PluginPage pageNav={pageNavOf(uid, loaded?.opened ?? null)}>
      {(start.kind === 'loading' || (loaded && permissions.status === 'loading')) && (
        <div data-testid={testIds.editor.loading}>
          <LoadingPlaceholder text={start.kind === 'loading' ? 'Loading the SLO...' : 'Checking your permissions...'} />
        </div>
      )}
      {loadError && <LoadError error={loadError} onRetry={retryAll} />}
      {refused !== null && (
        <div data-testid={testIds.editor.noPermission}>
          <Alert severity="info" title={uid === undefined ? 'You cannot create SLOs' : 'You cannot edit this SLO'}>
            <Stack direction="column" gap={1} alignItems="flex-start">
              <Text element="p">{refused}</Text>
              <LinkButton variant="secondary" href={uid === undefined ? prefixRoute(ROUTES.Slos) : sloPageUrl(uid)}>
                {uid === undefined ? 'Back to the SLOs' : 'Back to the SLO'}
              </LinkButton>
            </Stack>
          </Alert>
        </div>
      )}
      {loaded && !checking && refused === null && (
        <SloEditor
          opened={loaded.opened}
          initial={initialOf(loaded, permissions)}
          folders={permissions.editableFolders}
          onSaved={(stored) => navigate(sloPageUrl(stored.slo.uid), { replace: true })}
          onCancel={cancel}
        />
      )}
    </PluginPage>
  );
}

function LoadError({ error, onRetry }: { error: StoreError; onRetry: () => void }) {
  return (
    <StoreErrorAlert
      testId={testIds.editor.loadError}
      severity={error.kind === 'notFound' ? 'warning' : 'error'}
      title="Could not open the editor"
      message={error.message}
      onRetry={isRetryable(error) ? onRetry : undefined}
    />
  );
}

export default SloEditorPage;
