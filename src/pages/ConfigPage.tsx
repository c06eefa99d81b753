import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, Text, useStyles2 } from '@grafana/ui';
import { SettingsForm } from '../components/config/SettingsForm';
import { StoreErrorAlert } from '../components/slos/StoreErrorAlert';
import { useLoaded, useStoreLoad } from '../components/slos/useLoaded';
import { testIds } from '../components/testIds';
import { canWriteAppSettings, listFolders, loadAppSettings, saveAppSettings } from '../store';

/** The app's settings: what new SLOs start with. Org Admins edit them; everyone else reads them. */
function ConfigPage() {
  const styles = useStyles2(getStyles);
  const mayWrite = canWriteAppSettings();
  const { state, retry } = useStoreLoad(loadAppSettings);
  // Folder titles only label the choice: without them the folder shows by its uid.
  const { result: folders } = useLoaded(listFolders);
  const allFolders = folders?.ok ? folders.value : [];

  return (
    <PluginPage>
      <div data-testid={testIds.configPage.container} className={styles.page}>
        {!mayWrite && (
          <div data-testid={testIds.configPage.readOnly}>
            <Alert severity="info" title="Only organization Admins can change these settings">
              <Text element="p">
                Grafana keeps them with the app, and saving them needs the Admin role. They are what new SLOs start
                with; each SLO can still choose its own.
              </Text>
            </Alert>
          </div>
        )}
        {state.kind === 'loading' && (
          <div data-testid={testIds.configPage.loading}>
            <LoadingPlaceholder text="Loading the settings..." />
          </div>
        )}
        {state.kind === 'error' && (
          <StoreErrorAlert
            testId={testIds.configPage.loadError}
            title="Could not load the settings"
            message={state.error.message}
            onRetry={retry}
          />
        )}
        {state.kind === 'loaded' && (
          <SettingsForm initial={state.value} folders={allFolders} readOnly={!mayWrite} onSave={saveAppSettings} />
        )}
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
});

export default ConfigPage;
