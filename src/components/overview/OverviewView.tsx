import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import type { ComplianceGranularity } from '../../overview';
import { testIds } from '../testIds';
import { ComplianceGridView } from './ComplianceGridView';
import { OverviewHeadline } from './OverviewHeadline';
import { OverviewRollups } from './OverviewRollups';
import { OverviewSloTable } from './OverviewSloTable';
import type { OverviewData } from './useOverview';

export interface OverviewViewProps {
  data: OverviewData;
  granularity: ComplianceGranularity;
  /** Offers the months / weeks switch when given. */
  onGranularityChange?: (granularity: ComplianceGranularity) => void;
  /** Large type for a wall screen. */
  kiosk?: boolean;
  /** IANA time zone of dates and period labels. */
  timeZone: string;
}

/**
 * The reliability overview: headline, roll-ups by team and service, the compliance grid and every
 * SLO by risk. It draws what it is given (no page chrome), so the app page and a panel both use it.
 */
export function OverviewView({ data, granularity, onGranularityChange, kiosk = false, timeZone }: OverviewViewProps) {
  const styles = useStyles2(getStyles, kiosk);
  return (
    <div
      className={styles.view}
      data-testid={testIds.overview.view}
      data-done={String(data.done)}
      data-slos={data.slos.length}
      data-requests={data.requests.sent}
      data-answered={data.requests.answered}
    >
      <OverviewHeadline summary={data.summary} loading={data.loading} kiosk={kiosk} />
      <div className={styles.rollups}>
        <OverviewRollups by="team" groups={data.teams} kiosk={kiosk} />
        <OverviewRollups by="service" groups={data.services} kiosk={kiosk} />
      </div>
      <ComplianceGridView
        grid={data.grid}
        granularity={granularity}
        onGranularityChange={onGranularityChange}
        kiosk={kiosk}
      />
      <OverviewSloTable slos={data.slos} timeZone={timeZone} kiosk={kiosk} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2, kiosk: boolean) => ({
  view: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(kiosk ? 4 : 3),
    // Kiosk mode is read from across a room: everything a step larger.
    fontSize: kiosk ? theme.typography.h4.fontSize : theme.typography.body.fontSize,
  }),
  rollups: css({
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${theme.spacing(70)}), 1fr))`,
    gap: theme.spacing(3),
  }),
});
