import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { formatEvents } from './format';

export interface EventCountsProps {
  testId: string;
  /** null when the data cannot tell the count. */
  good: number | null;
  bad: number | null;
  total: number | null;
}

const NO_VALUE = '–';
const count = (value: number | null) => (value === null ? NO_VALUE : formatEvents(value));

/** Good, bad and total events in one line, as the SLO page and the SLI preview show them. */
export function EventCounts({ testId, good, bad, total }: EventCountsProps) {
  const styles = useStyles2(getStyles);
  return (
    <dl className={styles.events} data-testid={testId}>
      <dt>Good events</dt>
      <dd>{count(good)}</dd>
      <dt>Bad events</dt>
      <dd>{count(bad)}</dd>
      <dt>Total events</dt>
      <dd>{count(total)}</dd>
    </dl>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  events: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5, 1),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: theme.spacing(0, 3, 0, 0), fontWeight: theme.typography.fontWeightMedium },
  }),
});
