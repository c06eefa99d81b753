import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import { getTimeZone, type GrafanaTheme2 } from '@grafana/data';
import { config, PluginPage } from '@grafana/runtime';
import { Alert, Button, LinkButton, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { OverviewFilters } from '../components/overview/OverviewFilters';
import { OverviewView } from '../components/overview/OverviewView';
import { useOverview } from '../components/overview/useOverview';
import { useStoredSlos } from '../components/overview/useStoredSlos';
import { SlosEmptyState } from '../components/slos/SlosEmptyState';
import { StoreErrorAlert } from '../components/slos/StoreErrorAlert';
import { useSloPermissions } from '../components/slos/useSloPermissions';
import { testIds } from '../components/testIds';
import { prefixRoute, ROUTES } from '../constants';
import { filterChoices, type ComplianceGranularity, type OverviewFilter } from '../overview';
import { ianaTimeZone } from '../panels/slo/sloInput';
import { readOverviewParams, withOverviewParams } from './overviewParams';

/** A wall screen refreshes itself this often. */
export const KIOSK_REFRESH_MS = 60_000;

/** The user's time zone in Grafana (profile, else the org's, else the browser's) as an IANA name. */
function userTimeZone(): string {
  return ianaTimeZone(getTimeZone() || config.bootData.user?.timezone);
}

function OverviewPage() {
  const styles = useStyles2(getStyles);
  const [searchParams, setSearchParams] = useSearchParams();
  const { filter, granularity, kiosk, batchSize } = useMemo(() => readOverviewParams(searchParams), [searchParams]);
  const timeZone = useMemo(() => userTimeZone(), []);
  const { canCreate } = useSloPermissions();
  const [asked, setAsked] = useState(() => ({ count: 0, at: Date.now() }));
  const listed = useStoredSlos(asked.count, asked.at);
  const reload = useCallback(() => setAsked(({ count }) => ({ count: count + 1, at: Date.now() })), []);

  useEffect(() => {
    if (!kiosk) {
      return;
    }
    const timer = setInterval(reload, KIOSK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [kiosk, reload]);

  const data = useOverview({
    slos: listed.slos,
    at: listed.at,
    timeZone,
    granularity,
    refresh: listed.refresh,
    batchSize,
    filter,
  });
  const choices = useMemo(() => filterChoices(listed.slos ?? []), [listed.slos]);
  const setView = useCallback(
    (next: { filter: OverviewFilter; granularity: ComplianceGranularity }) =>
      setSearchParams((before) => withOverviewParams(before, next), { replace: true }),
    [setSearchParams]
  );

  const kioskParams = new URLSearchParams(searchParams);
  kioskParams.set('kiosk', '1');
  const actions = (
    <Stack direction="row" gap={1}>
      <Button variant="secondary" icon="sync" onClick={reload} data-testid={testIds.overview.refresh}>
        Refresh
      </Button>
      {!kiosk && (
        <LinkButton
          variant="secondary"
          icon="monitor"
          href={`${prefixRoute(ROUTES.Overview)}?${kioskParams.toString()}`}
          data-testid={testIds.overview.kiosk}
        >
          Kiosk mode
        </LinkButton>
      )}
    </Stack>
  );

  const nothingStored = listed.slos !== null && listed.slos.length === 0 && listed.invalid.length === 0;
  return (
    <PluginPage actions={actions}>
      <div data-testid={testIds.overview.page} className={styles.page}>
        {listed.error && (
          <StoreErrorAlert
            testId={testIds.overview.error}
            title="Could not load the SLOs"
            message={listed.error.message}
            onRetry={reload}
          />
        )}
        {listed.slos === null && !listed.error && (
          <div data-testid={testIds.overview.loading}>
            <LoadingPlaceholder text="Loading SLOs..." />
          </div>
        )}
        {nothingStored && (
          <div data-testid={testIds.overview.empty}>
            <SlosEmptyState canCreate={canCreate} />
          </div>
        )}
        {listed.slos !== null && !nothingStored && (
          <>
            {listed.invalid.length > 0 && !kiosk && (
              <Alert severity="warning" title="Some SLOs cannot be read">
                {listed.invalid.length === 1
                  ? '1 library panel of the SLO type does not read as an SLO and is left out; the SLO list says what is wrong with it.'
                  : `${listed.invalid.length} library panels of the SLO type do not read as SLOs and are left out; the SLO list says what is wrong with them.`}
              </Alert>
            )}
            {!kiosk && (
              <OverviewFilters
                choices={choices}
                filter={filter}
                onChange={(next) => setView({ filter: next, granularity })}
              />
            )}
            <OverviewView
              data={data}
              granularity={granularity}
              onGranularityChange={kiosk ? undefined : (next) => setView({ filter, granularity: next })}
              kiosk={kiosk}
              timeZone={timeZone}
            />
          </>
        )}
      </div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
});

export default OverviewPage;
