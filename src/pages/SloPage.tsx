import React, { useCallback, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2, NavModelItem, PanelData } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Button, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { OpenSloExport } from '../components/slos/OpenSloExport';
import { SloHeader } from '../components/slos/SloHeader';
import { SloNumbers } from '../components/slos/SloNumbers';
import { useLoaded, useStoreLoad, type StoreLoad } from '../components/slos/useLoaded';
import { testIds } from '../components/testIds';
import { prefixRoute, ROUTES } from '../constants';
import { panelState, type PanelState } from '../panels/slo/panelState';
import { runSloQueries, sloWindowRange } from '../query/runSloQueries';
import { sloToLibraryPanel } from '../spec/libraryPanel';
import { getSlo, type StoredSlo, type StoreError } from '../store';

/** `?to=<epoch ms>`: the end of the SLO window (default now), so that a page can be compared with a dashboard. */
function endOf(text: string | null): number | undefined {
  const to = text === null ? Number.NaN : Number(text);
  return Number.isFinite(to) && to > 0 ? to : undefined;
}

function useStoredSlo(uid: string): { loaded: StoreLoad<StoredSlo>; retry: () => void } {
  const load = useCallback(() => getSlo(uid), [uid]);
  const { state, retry } = useStoreLoad(load);
  return { loaded: state, retry };
}

/** Runs the SLO's library panel queries over its window and evaluates them as the panel does. */
function useSloState(stored: StoredSlo | null, to: number | undefined): PanelState {
  const panel = useMemo(() => (stored ? sloToLibraryPanel(stored.slo, { view: stored.view }) : null), [stored]);
  const timeZone = stored?.slo.objective.timeZone ?? 'utc';
  const load = useCallback(async (): Promise<PanelData | null> => {
    if (!panel) {
      return null;
    }
    const range = sloWindowRange(panel.model.timeFrom, timeZone, to);
    return runSloQueries({ model: panel.model, range, timeZone });
  }, [panel, timeZone, to]);
  const { result: data } = useLoaded(load);
  return useMemo(
    () =>
      panel && data
        ? panelState({
            data,
            options: panel.model.options,
            timeZone,
            replaceVariables: (text) => text,
            chartPoints: 800,
          })
        : { kind: 'loading' },
    [panel, data, timeZone]
  );
}

function SloPage() {
  const styles = useStyles2(getStyles);
  const { uid = '' } = useParams();
  const [searchParams] = useSearchParams();
  const to = endOf(searchParams.get('to'));
  const { loaded, retry } = useStoredSlo(uid);
  const stored = loaded.kind === 'loaded' ? loaded.value : null;
  const state = useSloState(stored, to);
  const pageNav: NavModelItem = {
    text: stored?.slo.name ?? (loaded.kind === 'loading' ? 'SLO' : uid),
    parentItem: { text: 'SLOs', url: prefixRoute(ROUTES.Slos) },
  };

  return (
    <PluginPage pageNav={pageNav}>
      <div data-testid={testIds.sloPage.container} className={styles.page}>
        {loaded.kind === 'loading' && (
          <div data-testid={testIds.sloPage.loading}>
            <LoadingPlaceholder text="Loading the SLO..." />
          </div>
        )}
        {loaded.kind === 'error' && <LoadError error={loaded.error} onRetry={retry} />}
        {stored && (
          <>
            <SloHeader stored={stored} />
            <SloNumbers state={state} target={stored.slo.objective.target} timeZone={stored.slo.objective.timeZone} />
            <OpenSloExport slo={stored.slo} />
          </>
        )}
      </div>
    </PluginPage>
  );
}

function LoadError({ error, onRetry }: { error: StoreError; onRetry: () => void }) {
  const notFound = error.kind === 'notFound';
  const retryable = error.kind === 'network' || error.kind === 'server';
  return (
    <div data-testid={testIds.sloPage.error}>
      <Alert
        severity={notFound || error.kind === 'invalid' ? 'warning' : 'error'}
        title={notFound ? 'SLO not found' : error.kind === 'invalid' ? 'Not a readable SLO' : 'Could not load the SLO'}
      >
        <Stack direction="column" gap={1} alignItems="flex-start">
          <Text element="p">{error.message}</Text>
          {retryable && (
            <Button variant="secondary" icon="sync" onClick={onRetry}>
              Retry
            </Button>
          )}
        </Stack>
      </Alert>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(3) }),
});

export default SloPage;
