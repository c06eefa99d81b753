import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Icon, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { OverviewView } from '../../components/overview/OverviewView';
import { useOverview } from '../../components/overview/useOverview';
import { useStoredSlos } from '../../components/overview/useStoredSlos';
import { StateMessage } from '../../components/slo/StateMessage';
import { testIds } from '../../components/testIds';
import { filterSlos } from '../../overview/filter';
import { describeFilter, overviewFilterFromOptions } from './overviewFilter';
import { ianaTimeZone } from './sloInput';
import type { OverviewPanelOptions, SloPanelOptions } from './types';

/**
 * The panel's overview view: every stored SLO that the filter options let through, each evaluated
 * with its own objective and queries (the panel's own queries are not used). Loads again when the
 * dashboard refreshes.
 */
export function OverviewPanelView(props: PanelProps<SloPanelOptions>) {
  const { options, onOptionsChange, replaceVariables, timeRange, data } = props;
  const styles = useStyles2(getStyles);
  const { overview } = options;
  const timeZone = ianaTimeZone(props.timeZone);
  const at = timeRange.to.valueOf();
  // A refresh gives a new time range (relative ranges move) or a new request (absolute ones).
  const reload = `${timeRange.from.valueOf()} ${at} ${data.request?.requestId ?? ''}`;
  const stored = useStoredSlos(reload, at);

  const filter = overviewFilterFromOptions(overview, replaceVariables);
  // By content: the filter is read again on every render, the SLOs must not be filtered again.
  const filterKey = JSON.stringify(filter);
  const all = stored.slos;
  const shown = useMemo(
    () => (all ? filterSlos(all, filter) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [all, filterKey]
  );
  const overviewData = useOverview({
    slos: shown,
    at: stored.at,
    timeZone,
    granularity: overview.granularity,
    refresh: stored.refresh,
  });

  const onGranularityChange = (granularity: OverviewPanelOptions['granularity']) =>
    onOptionsChange({ ...options, overview: { ...overview, granularity } });

  let content: React.ReactNode;
  if (stored.error && all === null) {
    content = (
      <StateMessage
        tone="error"
        icon="exclamation-triangle"
        title="The SLOs could not be loaded"
        detail={stored.error.message}
      />
    );
  } else if (all === null) {
    content = <LoadingPlaceholder text="Loading the SLOs…" />;
  } else if (all.length === 0) {
    content = (
      <StateMessage
        tone="info"
        icon="info-circle"
        title="No SLOs yet"
        detail="This view shows the SLOs defined in the Nines app; none exist yet."
      />
    );
  } else if (shown?.length === 0) {
    content = (
      <StateMessage
        tone="info"
        icon="filter"
        title="No SLO matches the filter"
        detail={`None of the ${all.length} SLOs has ${describeFilter(filter)} (Overview options).`}
      />
    );
  } else {
    content = (
      <OverviewView
        data={overviewData}
        granularity={overview.granularity}
        onGranularityChange={onGranularityChange}
        kiosk={overview.large}
        timeZone={timeZone}
      />
    );
  }
  return (
    <div className={styles.container} data-testid={testIds.sloPanel.container} data-view="overview">
      {stored.error && all !== null && (
        // A wall screen keeps its last board through a failed refresh, saying so.
        <div className={styles.stale} data-testid={testIds.sloPanel.staleList} role="status">
          <Icon name="exclamation-triangle" aria-hidden /> {stored.error.message} Showing the last list.
        </div>
      )}
      {content}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // The overview is taller than most panels: it scrolls inside the panel instead of being cut off.
  container: css({ height: '100%', overflow: 'auto', paddingRight: theme.spacing(0.5) }),
  stale: css({ color: theme.colors.warning.text, marginBottom: theme.spacing(1) }),
});
