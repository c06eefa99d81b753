import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { Pagination, TextLink, useStyles2, useTheme2 } from '@grafana/ui';
import { sloPageUrl } from '../../constants';
import type { OverviewSlo } from '../../overview';
import { formatBudget, formatObjective, formatSli } from '../slo/format';
import { listTableStyle } from '../tableStyle';
import { testIds } from '../testIds';
import { BudgetSparkline } from './BudgetSparkline';
import { bucketColor, bucketTextColor, bucketLabel } from './buckets';
import { linkVariant } from './kiosk';
import { usePaged } from './usePaged';

const PER_PAGE = 25;
const NOT_BURNING = '—';

/** What stands instead of numbers for an SLO that has none. */
export function stateText(slo: OverviewSlo): string | null {
  switch (slo.state) {
    case 'ok':
      return null;
    case 'noData':
      return 'No data';
    case 'tooFewEvents':
      return 'Too few events';
    case 'invalid':
      return slo.message ?? 'Cannot be evaluated';
  }
}

export interface OverviewSloTableProps {
  /** In risk order. */
  slos: OverviewSlo[];
  timeZone: string;
  kiosk: boolean;
}

/** Every SLO, most at risk first, a page at a time: SLI, budget left and its trend, and when it runs out. */
export function OverviewSloTable({ slos, timeZone, kiosk }: OverviewSloTableProps) {
  const styles = useStyles2(getStyles, kiosk);
  const paged = usePaged(slos, PER_PAGE);
  return (
    <section className={styles.section} aria-label="SLOs by risk">
      <h3 className={styles.title}>SLOs by risk</h3>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid={testIds.overview.table}>
          <thead>
            <tr>
              <th scope="col">SLO</th>
              <th scope="col">Team</th>
              <th scope="col">Service</th>
              <th scope="col">Objective</th>
              <th scope="col">SLI</th>
              <th scope="col">Budget left</th>
              <th scope="col">Budget over the window</th>
              <th scope="col">Budget runs out</th>
            </tr>
          </thead>
          <tbody>
            {paged.items.map((slo) => (
              <SloRow key={slo.uid} slo={slo} timeZone={timeZone} kiosk={kiosk} />
            ))}
          </tbody>
        </table>
      </div>
      {paged.pages > 1 && (
        <Pagination currentPage={paged.page} numberOfPages={paged.pages} onNavigate={paged.setPage} />
      )}
    </section>
  );
}

/** Memoized: a new batch re-sorts the list, but an SLO already drawn keeps its object. */
const SloRow = React.memo(function SloRow({
  slo,
  timeZone,
  kiosk,
}: {
  slo: OverviewSlo;
  timeZone: string;
  kiosk: boolean;
}) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles, false);
  const color = bucketColor(theme, slo.bucket);
  const textColor = bucketTextColor(theme, slo.bucket);
  const state = stateText(slo);
  return (
    <tr data-testid={testIds.overview.row(slo.uid)} data-bucket={slo.bucket}>
      <td>
        <TextLink href={sloPageUrl(slo.uid)} inline={false} variant={linkVariant(kiosk)}>
          {slo.name}
        </TextLink>
      </td>
      <td>{slo.team || '–'}</td>
      <td>{slo.service || '–'}</td>
      <td className={styles.number}>{formatObjective(slo.target)}</td>
      {state !== null ? (
        <td
          colSpan={4}
          className={slo.state === 'invalid' ? styles.problem : styles.muted}
          data-testid={testIds.overview.state(slo.uid)}
        >
          {state}
        </td>
      ) : (
        <>
          <td className={styles.number} data-testid={testIds.overview.sli(slo.uid)}>
            {formatSli(slo.sli, slo.target)}
          </td>
          <td
            className={styles.number}
            style={{ color: textColor }}
            title={bucketLabel[slo.bucket]}
            data-testid={testIds.overview.remaining(slo.uid)}
          >
            {formatBudget(slo.remaining)}
          </td>
          <td>
            <BudgetSparkline
              sparkline={slo.sparkline}
              color={color}
              testId={testIds.overview.sparkline(slo.uid)}
              label={`Error budget left over the window, now ${formatBudget(slo.remaining)}`}
            />
          </td>
          <td className={styles.number} data-testid={testIds.overview.exhaustion(slo.uid)}>
            {slo.exhaustionAt === null
              ? NOT_BURNING
              : dateTimeFormat(slo.exhaustionAt, { timeZone, format: 'YYYY-MM-DD HH:mm' })}
          </td>
        </>
      )}
    </tr>
  );
});

const getStyles = (theme: GrafanaTheme2, kiosk: boolean) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  title: css({ margin: 0, fontSize: kiosk ? theme.typography.h3.fontSize : theme.typography.h4.fontSize }),
  scroll: css({ overflowX: 'auto' }),
  table: css(listTableStyle(theme), {
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium, whiteSpace: 'nowrap' },
    td: { verticalAlign: 'middle' },
  }),
  number: css({ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }),
  muted: css({ color: theme.colors.text.secondary }),
  problem: css({ color: theme.colors.error.text }),
});
