/** How the overview names and colours its budget buckets (theme colours only, both themes). */
import type { GrafanaTheme2 } from '@grafana/data';
import type { BudgetBucket } from '../../overview';

export const bucketLabel: Record<BudgetBucket, string> = {
  healthy: 'Healthy',
  observe: 'Observe',
  attention: 'Attention',
  atRisk: 'At risk',
  exhausted: 'Exhausted',
  noData: 'No data',
};

/** From green to dark red, as the budget shrinks; grey without data. */
export function bucketColor(theme: GrafanaTheme2, bucket: BudgetBucket): string {
  switch (bucket) {
    case 'healthy':
      return theme.colors.success.text;
    case 'observe':
      return theme.visualization.getColorByName('yellow');
    case 'attention':
      return theme.visualization.getColorByName('orange');
    case 'atRisk':
      return theme.colors.error.text;
    case 'exhausted':
      return theme.visualization.getColorByName(theme.isDark ? 'semi-dark-red' : 'dark-red');
    case 'noData':
      return theme.colors.text.secondary;
  }
}
