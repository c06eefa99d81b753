import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { config, getBackendSrv } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import React, { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';

interface DashboardLink {
  uid: string;
  title: string;
  url: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/`: links to the installed apps and to the dashboards the server provisions. */
export function HostIndex() {
  const styles = useStyles2(getStyles);
  const [dashboards, setDashboards] = useState<DashboardLink[]>([]);

  useEffect(() => {
    getBackendSrv()
      .get('/api/search', { type: 'dash-db' })
      .then((answer: unknown) => {
        const hits = Array.isArray(answer) ? answer.filter(isRecord) : [];
        setDashboards(
          hits.flatMap((hit) =>
            typeof hit.uid === 'string' && typeof hit.title === 'string'
              ? [{ uid: hit.uid, title: hit.title, url: `/d/${hit.uid}` }]
              : []
          )
        );
      })
      .catch((error: unknown) => console.error('[test host] dashboard search failed', error));
  }, []);

  return (
    <div className={styles.index}>
      <h1>Nines test host</h1>
      <p>The built plugin from dist/, loaded the way Grafana loads it, against the host server&apos;s API.</p>
      <h2>Apps</h2>
      <ul>
        {Object.keys(config.apps).map((id) => (
          <li key={id}>
            <Link to={`/a/${id}`}>{id}</Link>
          </li>
        ))}
      </ul>
      <h2>Dashboards</h2>
      <ul>
        {dashboards.map((dashboard) => (
          <li key={dashboard.uid}>
            <Link to={dashboard.url}>{dashboard.title}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  index: css({ padding: theme.spacing(2, 3) }),
});
