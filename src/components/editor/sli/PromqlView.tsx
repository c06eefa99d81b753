import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Field, Text, useStyles2 } from '@grafana/ui';
import type { SliQueries } from '../../../prometheus/promql';
import type { Sli } from '../../../spec/types';
import { testIds } from '../../testIds';

export interface PromqlViewProps {
  /** Null while the builder is incomplete. */
  queries: SliQueries | null;
  eventKind: Sli['eventKind'];
  /** What the queries count: a threshold builder's are points per query step, not counters. */
  counts?: 'events' | 'points';
}

/** The builder's queries, read-only: what the SLO's panel and rules will query. */
export function PromqlView({ queries, eventKind, counts = 'events' }: PromqlViewProps) {
  const styles = useStyles2(getStyles);
  const points = counts === 'points';
  return (
    <Field
      label="PromQL"
      description={
        points
          ? 'The good points and all points at each query step, which the SLO reads as counts per step'
          : "The counters the SLO reads; Nines sums them after it finds each counter's resets"
      }
    >
      <>
        <div data-testid={testIds.sliStep.promql} className={styles.queries}>
          {queries === null ? (
            <Text color="secondary" italic>
              Complete the fields above to see the queries.
            </Text>
          ) : (
            <dl className={styles.list}>
              <dt>{points ? 'Good points' : eventKind === 'good' ? 'Good events' : 'Bad events'}</dt>
              <dd>
                <code data-testid={testIds.sliStep.promqlEvent}>{queries.event}</code>
              </dd>
              <dt>{points ? 'All points' : 'Total events'}</dt>
              <dd>
                <code data-testid={testIds.sliStep.promqlTotal}>{queries.total}</code>
              </dd>
            </dl>
          )}
        </div>
      </>
    </Field>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  queries: css({
    padding: theme.spacing(1),
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
  }),
  list: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, wordBreak: 'break-all' },
    code: { fontFamily: theme.typography.fontFamilyMonospace },
  }),
});
