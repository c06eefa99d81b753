import React, { useMemo } from 'react';
import { css, cx } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { Icon, Pagination, RadioButtonGroup, TextLink, useStyles2 } from '@grafana/ui';
import { sloPageUrl } from '../../constants';
import type {
  ComplianceCell,
  ComplianceGranularity,
  ComplianceGrid,
  CompliancePeriod,
  ComplianceRow,
  ComplianceStatus,
} from '../../overview';
import { formatObjective, formatSli } from '../slo/format';
import { listTableStyle } from '../tableStyle';
import { testIds } from '../testIds';
import { linkVariant } from './kiosk';
import { readableColor } from './readableColor';
import { usePaged } from './usePaged';

const PER_PAGE = 25;

const GRANULARITIES: Array<{ label: string; value: ComplianceGranularity }> = [
  { label: '6 months', value: 'month' },
  { label: '8 weeks', value: 'week' },
];

const STATUS_TEXT: Record<ComplianceStatus, string> = { met: 'Met', missed: 'Missed', noData: 'No data' };

/** A period's column title in the grid's time zone: "Nov 2026", or the week's Monday "Nov 23". */
export function periodLabel(period: CompliancePeriod, granularity: ComplianceGranularity, timeZone: string): string {
  // start is the local midnight the period starts at; a millisecond later is inside it whatever the offset.
  return dateTimeFormat(period.start + 1, { timeZone, format: granularity === 'month' ? 'MMM YYYY' : 'MMM D' });
}

interface GridLine {
  team: string;
  service: string;
  row: ComplianceRow;
}

export interface ComplianceGridViewProps {
  grid: ComplianceGrid;
  granularity: ComplianceGranularity;
  onGranularityChange?: (granularity: ComplianceGranularity) => void;
  kiosk: boolean;
}

/** Whether each SLO met its objective in each calendar period, SLOs grouped by team and service, a page at a time. */
export function ComplianceGridView({ grid, granularity, onGranularityChange, kiosk }: ComplianceGridViewProps) {
  const styles = useStyles2(getStyles, kiosk);
  const lines = useMemo(
    () =>
      grid.teams.flatMap(({ team, services }) =>
        services.flatMap(({ service, rows }) => rows.map((row): GridLine => ({ team, service, row })))
      ),
    [grid]
  );
  const paged = usePaged(lines, PER_PAGE);
  const columns = grid.periods.length + 1;
  return (
    <section className={styles.section} aria-label="Compliance">
      <div className={styles.header}>
        <h3 className={styles.title}>Compliance</h3>
        {onGranularityChange && (
          <div data-testid={testIds.overview.granularity}>
            <RadioButtonGroup
              size="sm"
              options={GRANULARITIES}
              value={granularity}
              onChange={onGranularityChange}
              aria-label="Compliance periods"
            />
          </div>
        )}
      </div>
      <div className={styles.scroll}>
        <table className={styles.table} data-testid={testIds.overview.grid}>
          <thead>
            <tr>
              <th scope="col">SLO</th>
              {grid.periods.map((period) => (
                <th scope="col" key={period.start} className={styles.period}>
                  {periodLabel(period, grid.granularity, grid.timeZone)}
                  {period.current && <span className={styles.current}> (so far)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paged.items.map((line, index) => {
              const before = index > 0 ? paged.items[index - 1] : null;
              const newTeam = before === null || before.team !== line.team;
              const newService = newTeam || before?.service !== line.service;
              return (
                <React.Fragment key={line.row.uid}>
                  {newTeam && (
                    <tr className={styles.teamRow}>
                      <th scope="colgroup" colSpan={columns}>
                        {line.team === '' ? 'No team' : line.team}
                      </th>
                    </tr>
                  )}
                  {newService && (
                    <tr className={styles.serviceRow}>
                      <th scope="colgroup" colSpan={columns}>
                        {line.service === '' ? 'No service' : line.service}
                      </th>
                    </tr>
                  )}
                  <GridRow row={line.row} kiosk={kiosk} />
                </React.Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {paged.pages > 1 && (
        <Pagination currentPage={paged.page} numberOfPages={paged.pages} onNavigate={paged.setPage} />
      )}
    </section>
  );
}

const GridRow = React.memo(function GridRow({ row, kiosk }: { row: ComplianceRow; kiosk: boolean }) {
  const styles = useStyles2(getStyles, false);
  return (
    <tr data-testid={testIds.overview.gridRow(row.uid)}>
      <th scope="row">
        <TextLink href={sloPageUrl(row.uid)} inline={false} variant={linkVariant(kiosk)}>
          {row.name}
        </TextLink>{' '}
        <span className={styles.objective}>{formatObjective(row.target)}</span>
        {row.message && <div className={styles.message}>{row.message}</div>}
      </th>
      {row.cells.map((cell, index) => (
        <GridCell key={index} cell={cell} target={row.target} testId={testIds.overview.gridCell(row.uid, index)} />
      ))}
    </tr>
  );
});

function GridCell({ cell, target, testId }: { cell: ComplianceCell; target: number; testId: string }) {
  const styles = useStyles2(getStyles, false);
  const text = cell.sli === null ? STATUS_TEXT.noData : formatSli(cell.sli, target);
  return (
    <td
      className={cx(styles.cell, styles[cell.status])}
      data-testid={testId}
      data-status={cell.status}
      title={`${STATUS_TEXT[cell.status]}: ${text}`}
    >
      {cell.status !== 'noData' && <Icon name={cell.status === 'met' ? 'check' : 'times'} aria-hidden />}
      {/* The status in words for screen readers; sight has the icon and the colour. */}
      <span className={cell.status === 'noData' ? undefined : styles.hidden}>{STATUS_TEXT[cell.status]}</span>
      {cell.sli !== null && ` ${text}`}
    </td>
  );
}

const getStyles = (theme: GrafanaTheme2, kiosk: boolean) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  header: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(2) }),
  title: css({ margin: 0, fontSize: kiosk ? theme.typography.h3.fontSize : theme.typography.h4.fontSize }),
  scroll: css({ overflowX: 'auto' }),
  table: css(listTableStyle(theme), {
    th: { fontWeight: theme.typography.fontWeightMedium },
    'thead th': { color: theme.colors.text.secondary, whiteSpace: 'nowrap' },
    // SLOs indented under their service, services under their team.
    'tbody th[scope=row]': { paddingLeft: theme.spacing(3), fontWeight: theme.typography.fontWeightRegular },
    'tbody th[scope=colgroup]': { textAlign: 'left' },
  }),
  period: css({ textAlign: 'center' }),
  current: css({ fontWeight: theme.typography.fontWeightRegular }),
  teamRow: css({
    th: {
      background: theme.colors.background.secondary,
      fontSize: kiosk ? theme.typography.h4.fontSize : theme.typography.h5.fontSize,
    },
  }),
  serviceRow: css({ th: { color: theme.colors.text.secondary, textIndent: theme.spacing(1.5) } }),
  objective: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightRegular }),
  message: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightRegular }),
  cell: css({ textAlign: 'center', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }),
  hidden: css({
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
  // Status text on its own tint: error text on the error tint is 4.2:1 in the light theme.
  met: css({
    color: readableColor(theme, theme.colors.success.text, [theme.colors.success.transparent]),
    background: theme.colors.success.transparent,
  }),
  missed: css({
    color: readableColor(theme, theme.colors.error.text, [theme.colors.error.transparent]),
    background: theme.colors.error.transparent,
  }),
  noData: css({ color: theme.colors.text.secondary }),
});
