/** How the overview names and colours its budget buckets (theme colours only, both themes). */
import type { GrafanaTheme2 } from '@grafana/data';
import type { BudgetBucket } from '../../overview';
import { readableColor } from './readableColor';

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

/**
 * The bucket's colour for text: yellow and orange on a light background fail AA contrast (axe:
 * 1.5:1 and 2.6:1), so text takes a darker (dark theme: lighter) shade that reads on every page
 * background. Bars and borders keep bucketColor.
 */
export function bucketTextColor(theme: GrafanaTheme2, bucket: BudgetBucket): string {
  const { primary, secondary, canvas } = theme.colors.background;
  return readableColor(theme, bucketColor(theme, bucket), [primary, secondary, canvas]);
}
