/** How the overview names and colours its budget buckets (theme colours only, both themes). */
import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';
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

/** WCAG AA for body text. */
const TEXT_CONTRAST = 4.5;

/**
 * The bucket's colour for text: yellow and orange on a light background fail AA contrast (axe:
 * 1.5:1 and 2.6:1), so the colour is darkened (lightened in the dark theme) until it reads at
 * 4.5:1 on every page background. Bars and borders keep bucketColor.
 */
export function bucketTextColor(theme: GrafanaTheme2, bucket: BudgetBucket): string {
  const { primary, secondary, canvas } = theme.colors.background;
  const contrast = (color: string) =>
    Math.min(...[primary, secondary, canvas].map((background) => colorManipulator.getContrastRatio(color, background)));
  let color = bucketColor(theme, bucket);
  for (let step = 0; step < 10 && contrast(color) < TEXT_CONTRAST; step++) {
    color = theme.isDark ? colorManipulator.lighten(color, 0.1) : colorManipulator.darken(color, 0.1);
  }
  return color;
}
