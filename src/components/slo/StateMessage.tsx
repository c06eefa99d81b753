import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Icon, useStyles2, type IconName } from '@grafana/ui';
import { testIds } from '../testIds';

export interface StateMessageProps {
  icon: IconName;
  title: string;
  detail?: string;
  tone: 'info' | 'warning' | 'error';
}

/** A state the panel shows instead of numbers: no data, too few events, bad options, a failed query. */
export function StateMessage({ icon, title, detail, tone }: StateMessageProps) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.container} data-testid={testIds.sloPanel.state} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={icon} size="xl" className={styles[tone]} aria-hidden />
      <div className={styles.title}>{title}</div>
      {detail && <div className={styles.detail}>{detail}</div>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(1),
    height: '100%',
    padding: theme.spacing(1),
    textAlign: 'center',
    overflow: 'auto',
  }),
  title: css({ fontSize: theme.typography.h5.fontSize, color: theme.colors.text.primary }),
  detail: css({ color: theme.colors.text.secondary, whiteSpace: 'pre-line', maxWidth: theme.spacing(70) }),
  info: css({ color: theme.colors.text.secondary }),
  warning: css({ color: theme.colors.warning.text }),
  error: css({ color: theme.colors.error.text }),
});
