import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2, useTheme2 } from '@grafana/ui';
import type { SloEvaluation } from '../../engine';
import { testIds } from '../testIds';
import { mostUrgentAlert } from './firing';
import { describeWindow, formatBudget, formatBurnRate, formatObjective, formatSli } from './format';
import { budgetHealth, budgetHealthColor } from './health';

export interface SummaryViewProps {
  evaluation: SloEvaluation;
  /** Objective in percent. */
  target: number;
  window: string;
  width: number;
  height: number;
}

/** Below this size the summary is a single stat: the SLI and the budget left. */
const isSmall = (width: number, height: number) => width < 260 || height < 140;

export function SummaryView({ evaluation, target, window, width, height }: SummaryViewProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const { sli, errorBudget, burnRate, alerts } = evaluation;
  const met = sli !== null && sli >= target / 100;
  const health = budgetHealth(errorBudget.remaining);
  const budgetColor = budgetHealthColor(theme, health);
  const alert = mostUrgentAlert(alerts);
  const small = isSmall(width, height);
  // The headline grows with the panel, between the theme's body and display sizes.
  const headline = Math.max(theme.typography.fontSize * 1.5, Math.min(height / (small ? 2.5 : 4), width / 7));

  return (
    <div className={styles.container} data-testid={testIds.summary.container}>
      <div
        className={styles.sli}
        style={{ fontSize: headline, color: met ? theme.colors.success.text : theme.colors.error.text }}
        data-testid={testIds.summary.sli}
        aria-label={`SLI ${formatSli(sli, target)}`}
      >
        {formatSli(sli, target)}
      </div>
      <div className={styles.secondary} data-testid={testIds.summary.objective}>
        {small
          ? `SLI over ${describeWindow(window)}`
          : `SLI over ${describeWindow(window)} · objective ${formatObjective(target)} ${met ? 'met' : 'missed'}`}
      </div>
      <div className={styles.stats}>
        <div className={styles.stat} data-testid={testIds.summary.budget}>
          <span className={styles.statValue} style={{ color: budgetColor }}>
            {formatBudget(errorBudget.remaining)}
          </span>{' '}
          budget left
        </div>
        {!small && (
          <>
            <div className={styles.stat} data-testid={testIds.summary.burnRate}>
              <span className={styles.statValue}>{formatBurnRate(burnRate['1h'] ?? null)}</span> burn rate (1h)
            </div>
            <div className={styles.stat} data-testid={testIds.summary.alert}>
              {alert ? (
                <Badge
                  color={alert.severity === 'page' ? 'red' : 'orange'}
                  icon="fire"
                  text={`${alert.severity === 'page' ? 'Page' : 'Ticket'} firing: ${alert.longWindow}/${alert.shortWindow} at ${formatBurnRate(alert.longBurnRate)}`}
                />
              ) : (
                <Badge color="green" icon="check" text="No alert firing" />
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    height: '100%',
    gap: theme.spacing(0.5),
    textAlign: 'center',
  }),
  sli: css({ fontWeight: theme.typography.fontWeightMedium, lineHeight: 1.1 }),
  secondary: css({ color: theme.colors.text.secondary }),
  stats: css({
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'center',
    alignItems: 'center',
    gap: theme.spacing(1, 3),
    marginTop: theme.spacing(1),
  }),
  stat: css({ color: theme.colors.text.secondary }),
  statValue: css({
    fontSize: theme.typography.h4.fontSize,
    fontWeight: theme.typography.fontWeightMedium,
    color: theme.colors.text.primary,
  }),
});
