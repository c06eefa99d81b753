import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { BUDGET_BUCKETS, type OverviewSummary } from '../../overview';
import { testIds } from '../testIds';
import { bucketColor, bucketTextColor, bucketLabel } from './buckets';

export interface OverviewHeadlineProps {
  summary: OverviewSummary;
  /** SLOs still waiting for their tiles. */
  loading: number;
  kiosk: boolean;
}

/** How many SLOs meet their objective (of those with data), and how many are in each budget bucket. */
export function OverviewHeadline({ summary, loading, kiosk }: OverviewHeadlineProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles, kiosk);
  return (
    <section className={styles.section} aria-label="Headline" data-testid={testIds.overview.headline}>
      <p className={styles.meeting}>
        <strong className={styles.big}>
          {summary.meetingObjective} of {summary.withData}
        </strong>{' '}
        {summary.withData === 1 ? 'SLO with data meets its objective' : 'SLOs with data meet their objective'}
      </p>
      {loading > 0 && (
        <p className={styles.progress} data-testid={testIds.overview.progress} role="status">
          Loading {loading} more {loading === 1 ? 'SLO' : 'SLOs'}…
        </p>
      )}
      <ul className={styles.buckets}>
        {BUDGET_BUCKETS.map((bucket) => (
          <li
            key={bucket}
            className={styles.bucket}
            style={{ borderTopColor: bucketColor(theme, bucket) }}
            data-testid={testIds.overview.bucket(bucket)}
          >
            <span className={styles.count} style={{ color: bucketTextColor(theme, bucket) }}>
              {summary.buckets[bucket]}
            </span>
            <span className={styles.label}>{bucketLabel[bucket]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2, kiosk: boolean) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  meeting: css({ margin: 0, fontSize: kiosk ? theme.typography.h3.fontSize : theme.typography.h5.fontSize }),
  big: css({
    fontSize: kiosk ? theme.typography.h1.fontSize : theme.typography.h3.fontSize,
    fontVariantNumeric: 'tabular-nums',
  }),
  progress: css({ margin: 0, color: theme.colors.text.secondary }),
  buckets: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: `repeat(auto-fill, minmax(${theme.spacing(kiosk ? 24 : 16)}, 1fr))`,
    gap: theme.spacing(1),
  }),
  bucket: css({
    display: 'flex',
    flexDirection: 'column',
    padding: theme.spacing(1, 1.5),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    borderTop: `${theme.spacing(0.5)} solid`,
  }),
  count: css({
    fontSize: kiosk ? theme.typography.h1.fontSize : theme.typography.h2.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    fontVariantNumeric: 'tabular-nums',
  }),
  label: css({ color: theme.colors.text.secondary }),
});
