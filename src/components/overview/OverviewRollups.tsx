import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Pagination, TextLink, useStyles2, useTheme2 } from '@grafana/ui';
import { sloPageUrl } from '../../constants';
import type { RollupBy, RollupGroup } from '../../overview';
import { formatBudget, formatSli } from '../slo/format';
import { listTableStyle } from '../tableStyle';
import { testIds } from '../testIds';
import { BucketBar } from './BucketBar';
import { bucketTextColor } from './buckets';
import { linkVariant } from './kiosk';
import { usePaged } from './usePaged';

const PER_PAGE = 10;

const TITLE: Record<RollupBy, string> = { team: 'By team', service: 'By service' };
const NONE: Record<RollupBy, string> = { team: 'No team', service: 'No service' };

export interface OverviewRollupsProps {
  by: RollupBy;
  groups: RollupGroup[];
  kiosk: boolean;
}

/** One line per team or service: its event-weighted SLI, how many SLOs meet their objective, its worst SLO and its buckets. */
export function OverviewRollups({ by, groups, kiosk }: OverviewRollupsProps) {
  const styles = useStyles2(getStyles, kiosk);
  const paged = usePaged(groups, PER_PAGE);
  return (
    <section className={styles.section} aria-label={TITLE[by]}>
      <h3 className={styles.title}>{TITLE[by]}</h3>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{by === 'team' ? 'Team' : 'Service'}</th>
            <th scope="col">SLI</th>
            <th scope="col">Meeting objective</th>
            <th scope="col">Worst SLO</th>
            <th scope="col">Budget health</th>
          </tr>
        </thead>
        <tbody>
          {paged.items.map((group) => (
            <RollupRow key={group.name} group={group} kiosk={kiosk} />
          ))}
        </tbody>
      </table>
      {paged.pages > 1 && (
        <Pagination
          currentPage={paged.page}
          numberOfPages={paged.pages}
          onNavigate={paged.setPage}
          hideWhenSinglePage
        />
      )}
    </section>
  );
}

function RollupRow({ group, kiosk }: { group: RollupGroup; kiosk: boolean }) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles, false);
  // Enough decimals for the strictest objective of the group.
  const target = Math.max(...group.slos.map((slo) => slo.target));
  const { worst } = group;
  return (
    <tr data-testid={testIds.overview.rollup(group.by, group.name)}>
      <th scope="row" className={group.name === '' ? styles.none : undefined}>
        {group.name === '' ? NONE[group.by] : group.name}
      </th>
      <td className={styles.number} data-testid={testIds.overview.rollupSli(group.by, group.name)}>
        {formatSli(group.sli, target)}
      </td>
      <td className={styles.number}>
        {group.meetingObjective} of {group.withData}
      </td>
      <td>
        <TextLink href={sloPageUrl(worst.uid)} inline={false} variant={linkVariant(kiosk)}>
          {worst.name}
        </TextLink>{' '}
        {worst.remaining !== null && worst.bucket !== 'noData' && (
          <span className={styles.number} style={{ color: bucketTextColor(theme, worst.bucket) }}>
            {formatBudget(worst.remaining)} left
          </span>
        )}
      </td>
      <td>
        <BucketBar buckets={group.buckets} />
      </td>
    </tr>
  );
}

const getStyles = (theme: GrafanaTheme2, kiosk: boolean) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), minWidth: 0 }),
  title: css({ margin: 0, fontSize: kiosk ? theme.typography.h3.fontSize : theme.typography.h4.fontSize }),
  table: css(listTableStyle(theme), {
    th: { fontWeight: theme.typography.fontWeightMedium },
    'thead th': { color: theme.colors.text.secondary },
  }),
  number: css({ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }),
  none: css({ color: theme.colors.text.secondary, fontStyle: 'italic' }),
});
