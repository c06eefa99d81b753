import type { GrafanaTheme2 } from '@grafana/data';

/** The plain, full-width table of the SLO list and the import plan: top-aligned cells divided by weak borders. */
export const listTableStyle = (theme: GrafanaTheme2) => ({
  width: '100%',
  borderCollapse: 'collapse' as const,
  'th, td': {
    textAlign: 'left' as const,
    verticalAlign: 'top' as const,
    padding: theme.spacing(1),
    borderBottom: `1px solid ${theme.colors.border.weak}`,
  },
});
