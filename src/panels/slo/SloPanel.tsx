import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Icon, TextLink, useStyles2 } from '@grafana/ui';
import { AlertsView } from '../../components/slo/AlertsView';
import { BudgetView } from '../../components/slo/BudgetView';
import { describeWindow, formatPercent } from '../../components/slo/format';
import { PanelStateMessage, type StateWording } from '../../components/slo/PanelStateMessage';
import { SummaryView } from '../../components/slo/SummaryView';
import { TrendView } from '../../components/slo/TrendView';
import { testIds } from '../../components/testIds';
import { sloPageUrl } from '../../constants';
import { OverviewPanelView } from './OverviewPanelView';
import { panelState, type PartialData } from './panelState';
import type { SloPanelOptions } from './types';

const PANEL_WORDING: StateWording = { settings: 'panel options', range: 'this time range' };

function partialDataText(partial: PartialData, window: string): string {
  return (
    `Data covers ${formatPercent(partial.coverage, 1)} of the ${describeWindow(window)} window, so budget numbers count ` +
    `only what was queried. To query the whole window, set Query options → Relative time to ${partial.relativeTime}.`
  );
}

/** The overview shows many stored SLOs; the other views show the SLO of the panel's own queries. */
export function SloPanel(props: PanelProps<SloPanelOptions>) {
  return props.options.view === 'overview' ? <OverviewPanelView {...props} /> : <OneSloPanel {...props} />;
}

function OneSloPanel(props: PanelProps<SloPanelOptions>) {
  const { data, options, timeZone, width, height, replaceVariables, onChangeTimeRange } = props;
  const styles = useStyles2(getStyles);
  const state = useMemo(
    () =>
      panelState({ data, options, timeZone, replaceVariables: (text) => replaceVariables(text), chartPoints: width }),
    [data, options, timeZone, replaceVariables, width]
  );

  if (state.kind !== 'evaluated') {
    return (
      <div className={styles.container} data-testid={testIds.sloPanel.container}>
        {state.kind !== 'loading' && <PanelStateMessage state={state} wording={PANEL_WORDING} />}
      </div>
    );
  }

  const { evaluation, partial } = state;
  const header = partial !== null || options.sloUid !== '';
  const headerHeight = header ? styles.headerHeight : 0;
  const viewHeight = Math.max(0, height - headerHeight);
  const onZoom = (from: number, to: number) => onChangeTimeRange({ from, to });
  const window = evaluation.window.key;
  const target = options.objective.target;

  return (
    <div className={styles.container} data-testid={testIds.sloPanel.container}>
      {header && (
        <div className={styles.header} style={{ height: headerHeight }}>
          {partial && (
            <div className={styles.partial} data-testid={testIds.sloPanel.partialData} role="status">
              <Icon name="exclamation-triangle" aria-hidden /> {partialDataText(partial, window)}
            </div>
          )}
          {options.sloUid !== '' && (
            <span className={styles.link} data-testid={testIds.sloPanel.sloLink}>
              <TextLink href={sloPageUrl(options.sloUid)} inline={false} icon="arrow-right">
                Open SLO
              </TextLink>
            </span>
          )}
        </div>
      )}
      {options.view === 'summary' && (
        <SummaryView evaluation={evaluation} target={target} window={window} width={width} height={viewHeight} />
      )}
      {options.view === 'trend' && (
        <TrendView
          evaluation={evaluation}
          target={target}
          timeZone={timeZone}
          width={width}
          height={viewHeight}
          onZoom={onZoom}
        />
      )}
      {options.view === 'budget' && (
        <BudgetView evaluation={evaluation} timeZone={timeZone} width={width} height={viewHeight} onZoom={onZoom} />
      )}
      {options.view === 'alerts' && <AlertsView evaluation={evaluation} timeZone={timeZone} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ height: '100%', overflow: 'hidden' }),
  // Two lines of small text: room for the partial-data notice on a dashboard-sized panel.
  headerHeight: theme.spacing.gridSize * 5,
  header: css({
    display: 'flex',
    alignItems: 'flex-start',
    gap: theme.spacing(1),
    overflow: 'auto',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  partial: css({ flex: 1, color: theme.colors.warning.text }),
  link: css({ marginLeft: 'auto', whiteSpace: 'nowrap' }),
});
