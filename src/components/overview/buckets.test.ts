import { colorManipulator, createTheme } from '@grafana/data';
import { BUDGET_BUCKETS } from '../../overview';
import { bucketColor, bucketTextColor } from './buckets';
import { readableColor } from './readableColor';

describe('bucketTextColor', () => {
  for (const mode of ['light', 'dark'] as const) {
    const theme = createTheme({ colors: { mode } });
    const { primary, secondary, canvas } = theme.colors.background;

    it(`reads at 4.5:1 or more on every page background in the ${mode} theme`, () => {
      for (const bucket of BUDGET_BUCKETS) {
        const color = bucketTextColor(theme, bucket);
        const worst = Math.min(
          ...[primary, secondary, canvas].map((bg) => colorManipulator.getContrastRatio(color, bg))
        );
        expect({ bucket, readable: worst >= 4.5 }).toEqual({ bucket, readable: true });
      }
    });

    it(`keeps the bucket colour where it already reads in the ${mode} theme`, () => {
      expect(bucketTextColor(theme, 'atRisk')).toBe(bucketColor(theme, 'atRisk'));
    });
  }

  it('darkens yellow in the light theme', () => {
    const theme = createTheme({ colors: { mode: 'light' } });
    expect(bucketTextColor(theme, 'observe')).not.toBe(bucketColor(theme, 'observe'));
  });
});

describe('readableColor', () => {
  it('gives error text on the error tint 4.5:1 in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const theme = createTheme({ colors: { mode } });
      const tint = theme.colors.error.transparent;
      const color = readableColor(theme, theme.colors.error.text, [tint]);
      const ratio = colorManipulator.getContrastRatio(color, tint, theme.colors.background.canvas);
      expect({ mode, readable: ratio >= 4.5 }).toEqual({ mode, readable: true });
    }
  });
});
