import React, { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2, NavModelItem } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { SloAlertRulesSection } from '../components/alerts/SloAlertRulesSection';
import { DeleteRefused } from '../components/slos/DeleteSloModal';
import { OpenSloExport } from '../components/slos/OpenSloExport';
import { SloActions } from '../components/slos/SloActions';
import { SloHeader } from '../components/slos/SloHeader';
import { SloNumbers } from '../components/slos/SloNumbers';
import { StoreErrorAlert } from '../components/slos/StoreErrorAlert';
import { useStoreLoad, type StoreLoad } from '../components/slos/useLoaded';
import { useSloEvaluation } from '../components/slos/useSloEvaluation';
import { useSloPermissions } from '../components/slos/useSloPermissions';
import { useWindowEnd } from '../components/slos/windowEnd';
import { testIds } from '../components/testIds';
import { prefixRoute, ROUTES } from '../constants';
import { getSlo, isRetryable, type StoredSlo, type StoreError } from '../store';

function useStoredSlo(uid: string): { loaded: StoreLoad<StoredSlo>; retry: () => void } {
  const load = useCallback(() => getSlo(uid), [uid]);
  const { state, retry } = useStoreLoad(load);
  return { loaded: state, retry };
}

function SloPage() {
  const styles = useStyles2(getStyles);
  const { uid = '' } = useParams();
  const to = useWindowEnd();
  const { loaded, retry } = useStoredSlo(uid);
  const stored = loaded.kind === 'loaded' ? loaded.value : null;
  const state = useSloEvaluation(stored, to);
  const permissions = useSloPermissions();
  const [deleteRefused, setDeleteRefused] = useState<StoreError | null>(null);
  const pageNav: NavModelItem = {
    text: stored?.slo.name ?? (loaded.kind === 'loading' ? 'SLO' : uid),
    parentItem: { text: 'SLOs', url: prefixRoute(ROUTES.Slos) },
  };

  return (
    <PluginPage
      pageNav={pageNav}
      actions={
        stored ? <SloActions stored={stored} onDeleteRefused={setDeleteRefused} permissions={permissions} /> : undefined
      }
    >
      <div data-testid={testIds.sloPage.container} className={styles.page}>
        {loaded.kind === 'loading' && (
          <div data-testid={testIds.sloPage.loading}>
            <LoadingPlaceholder text="Loading the SLO..." />
          </div>
        )}
        {loaded.kind === 'error' && <LoadError error={loaded.error} onRetry={retry} />}
        {deleteRefused && <DeleteRefused error={deleteRefused} onDismiss={() => setDeleteRefused(null)} />}
        {stored && (
          <>
            <SloHeader stored={stored} />
            <SloNumbers state={state} target={stored.slo.objective.target} timeZone={stored.slo.objective.timeZone} />
            <SloAlertRulesSection slo={stored.slo} folders={permissions.editableFolders} />
            <OpenSloExport slo={stored.slo} />
          </>
        )}
      </div>
    </PluginPage>
  );
}

function LoadError({ error, onRetry }: { error: StoreError; onRetry: () => void }) {
  const notFound = error.kind === 'notFound';
  return (
    <StoreErrorAlert
      testId={testIds.sloPage.error}
      severity={notFound || error.kind === 'invalid' ? 'warning' : 'error'}
      title={notFound ? 'SLO not found' : error.kind === 'invalid' ? 'Not a readable SLO' : 'Could not load the SLO'}
      message={error.message}
      onRetry={isRetryable(error) ? onRetry : undefined}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(3) }),
});

export default SloPage;
