import { css } from '@emotion/css';
import { Global } from '@emotion/react';
import type { GrafanaTheme2 } from '@grafana/data';
import { config } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import React, { type ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * The frame around every page: a slim top bar that says this is the test host (not Grafana) and
 * who is signed in, and the main area the routes draw into.
 */
export function HostShell({ children }: { children: ReactNode }) {
  const styles = useStyles2(getStyles);
  const user = config.bootData.user;

  return (
    <div className={styles.shell}>
      {/* Grafana's own stylesheet resets the body margin; GlobalStyles from @grafana/ui does not. */}
      <Global styles={{ body: { margin: 0 } }} />
      <header className={styles.topBar}>
        <Link to="/" className={styles.home}>
          Nines test host
        </Link>
        <span className={styles.user} data-testid="host user">
          {user.login || user.name} · {user.orgRole} · {config.theme2.isDark ? 'dark' : 'light'}
        </span>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  shell: css({
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    background: theme.colors.background.canvas,
  }),
  topBar: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    height: 40,
    padding: theme.spacing(0, 2),
    background: theme.colors.background.primary,
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  }),
  home: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
  user: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  main: css({ display: 'flex', flexDirection: 'column', flexGrow: 1 }),
});
