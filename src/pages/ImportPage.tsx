import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Text, useStyles2 } from '@grafana/ui';
import { ExportAll } from '../components/import/ExportAll';
import { ImportForm } from '../components/import/ImportForm';
import { StoreErrorAlert } from '../components/slos/StoreErrorAlert';
import { useLoaded } from '../components/slos/useLoaded';
import { useSloPermissions } from '../components/slos/useSloPermissions';
import { testIds } from '../components/testIds';
import { canWriteSlos, loadAppSettings } from '../store';

/** Import SLOs from OpenSLO or Sloth YAML (users who may create SLOs), and export them all (everyone). */
function ImportPage() {
  const styles = useStyles2(getStyles);
  const mayWrite = canWriteSlos();
  const folders = useSloPermissions();
  // A failed read of the settings only loses their defaults: the import works without them.
  const { result: settings } = useLoaded(loadAppSettings);

  return (
    <PluginPage>
      <div data-testid={testIds.import.container} className={styles.page}>
        {mayWrite && folders.status === 'error' && (
          <StoreErrorAlert
            testId={testIds.import.foldersError}
            title="Could not load the folders you may import into"
            message={folders.error?.message ?? ''}
            onRetry={folders.retry}
          />
        )}
        {mayWrite && folders.status === 'loaded' && folders.editableFolders.length === 0 && (
          <div data-testid={testIds.import.foldersError}>
            <Alert severity="info" title="There is no folder you may save SLOs in">
              <Text element="p">Ask an admin for Edit permission on a folder to import SLOs into it.</Text>
            </Alert>
          </div>
        )}
        {mayWrite ? (
          <ImportForm settings={settings?.ok ? settings.value : null} folders={folders.editableFolders} />
        ) : (
          <div data-testid={testIds.import.viewerNotice}>
            <Alert severity="info" title="Importing SLOs needs edit permission">
              <Text element="p">
                {
                  "SLOs are library panels, so importing them needs permission to create library panels (Grafana's Editor role, or an admin's grant). You can still export every SLO below."
                }
              </Text>
            </Alert>
          </div>
        )}
        <ExportAll />
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(4) }),
});

export default ImportPage;
