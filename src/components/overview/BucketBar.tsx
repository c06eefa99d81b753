import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { BUDGET_BUCKETS, type BucketCounts } from '../../overview';
import { bucketColor, bucketLabel } from './buckets';

/** A group's SLOs per budget bucket as one stacked bar, its counts in words for screen readers and tooltips. */
export function BucketBar({ buckets }: { buckets: BucketCounts }) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const total = BUDGET_BUCKETS.reduce((sum, bucket) => sum + buckets[bucket], 0);
  const words = BUDGET_BUCKETS.filter((bucket) => buckets[bucket] > 0)
    .map((bucket) => `${buckets[bucket]} ${bucketLabel[bucket].toLowerCase()}`)
    .join(', ');
  return (
    <div className={styles.bar} role="img" aria-label={words} title={words}>
      {total > 0 &&
        BUDGET_BUCKETS.filter((bucket) => buckets[bucket] > 0).map((bucket) => (
          <div
            key={bucket}
            className={styles.segment}
            data-bucket={bucket}
            style={{ flexGrow: buckets[bucket], background: bucketColor(theme, bucket) }}
          />
        ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    display: 'flex',
    width: theme.spacing(20),
    height: theme.spacing(1.5),
    borderRadius: theme.shape.radius.default,
    overflow: 'hidden',
    background: theme.colors.background.secondary,
    gap: '1px',
  }),
  segment: css({ flexBasis: 0, minWidth: theme.spacing(0.5) }),
});
