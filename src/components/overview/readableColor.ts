import { colorManipulator, type GrafanaTheme2 } from '@grafana/data';

/** WCAG AA for body text. */
export const TEXT_CONTRAST = 4.5;

/**
 * `color` darkened (lightened in the dark theme) in small steps until text in it reads at 4.5:1 on
 * each of `backgrounds` (translucent ones laid over the page's canvas). Theme colours such as yellow,
 * orange, or error text on an error tint, fall short of AA in the light theme.
 */
export function readableColor(theme: GrafanaTheme2, color: string, backgrounds: string[]): string {
  const { canvas } = theme.colors.background;
  const contrast = (candidate: string) =>
    Math.min(...backgrounds.map((background) => colorManipulator.getContrastRatio(candidate, background, canvas)));
  let readable = color;
  for (let step = 0; step < 10 && contrast(readable) < TEXT_CONTRAST; step++) {
    readable = theme.isDark ? colorManipulator.lighten(readable, 0.1) : colorManipulator.darken(readable, 0.1);
  }
  return readable;
}
