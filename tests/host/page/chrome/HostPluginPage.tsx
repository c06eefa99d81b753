import { css } from '@emotion/css';
import { PageLayoutType, type GrafanaTheme2, type NavLinkDTO } from '@grafana/data';
import type { PluginPageProps } from '@grafana/runtime';
import { useStyles2 } from '@grafana/ui';
import React from 'react';
import { Link, useLocation } from 'react-router-dom';
import { navTree } from './navTree';

/** The chain of nav nodes from the root to the one whose URL best matches the path. */
export function findNavPath(nodes: NavLinkDTO[], pathname: string): NavLinkDTO[] {
  let best: NavLinkDTO[] = [];
  const visit = (node: NavLinkDTO, parents: NavLinkDTO[]) => {
    const chain = [...parents, node];
    const url = node.url?.split('?')[0];
    if (url && (pathname === url || pathname.startsWith(`${url}/`)) && url.length > (best.at(-1)?.url?.length ?? 0)) {
      best = chain;
    }
    node.children?.forEach((child) => visit(child, chain));
  };
  nodes.forEach((node) => visit(node, []));
  return best;
}

/**
 * The host's PluginPage (Grafana sets its own through runtime's setPluginPage): breadcrumbs from
 * the nav tree, the page title (pageNav, else the nav node for the URL), subtitle, info
 * and actions, then the page's content. Layout `Custom` draws the content alone, as in Grafana.
 */
export function HostPluginPage({ children, pageNav, subTitle, actions, info, renderTitle, layout }: PluginPageProps) {
  const styles = useStyles2(getStyles);
  const location = useLocation();
  const navPath = findNavPath(navTree(), location.pathname);
  const node = navPath.at(-1);
  const title = pageNav?.text ?? node?.text ?? '';
  const subTitleShown = subTitle ?? pageNav?.subTitle ?? node?.subTitle;
  const crumbs = [
    ...navPath.map((n) => ({ text: n.text, url: n.url })),
    ...(pageNav ? [{ text: pageNav.text, url: pageNav.url }] : []),
  ];

  if (layout === PageLayoutType.Custom) {
    return <div data-testid="host plugin-page">{children}</div>;
  }

  return (
    <div className={styles.page} data-testid="host plugin-page">
      {crumbs.length > 1 && (
        <nav aria-label="Breadcrumbs">
          <ol className={styles.crumbs}>
            {crumbs.map((crumb, index) => (
              <li key={`${crumb.text}-${index}`}>
                {crumb.url && index < crumbs.length - 1 ? <Link to={crumb.url}>{crumb.text}</Link> : crumb.text}
              </li>
            ))}
          </ol>
        </nav>
      )}
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 className={styles.title}>{renderTitle ? renderTitle(title) : title}</h1>
          {actions && <div className={styles.actions}>{actions}</div>}
        </div>
        {info && info.length > 0 && (
          <dl className={styles.info}>
            {info.map((item) => (
              <div key={item.label}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {subTitleShown && <div className={styles.subTitle}>{subTitleShown}</div>}
      </header>
      <div className={styles.content}>{children}</div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    padding: theme.spacing(2, 3),
    minHeight: '100%',
  }),
  crumbs: css({
    display: 'flex',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: 0,
    padding: 0,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    'li + li::before': { content: '"›"', marginRight: theme.spacing(1) },
  }),
  header: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  titleRow: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(2) }),
  title: css({ margin: 0, ...theme.typography.h2 }),
  actions: css({ display: 'flex', gap: theme.spacing(1) }),
  info: css({
    display: 'flex',
    gap: theme.spacing(3),
    margin: 0,
    dt: { color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize },
    dd: { margin: 0 },
  }),
  subTitle: css({ color: theme.colors.text.secondary }),
  content: css({ flexGrow: 1 }),
});
