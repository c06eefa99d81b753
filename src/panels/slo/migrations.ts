import { defaultSloPanelOptions, type SloPanelOptions } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings the stored options of a Nines SLO panel to the current shape.
 *
 * The first version's shape is the current one, so the only history is a panel saved without
 * options (or with values of the wrong type, from hand-edited JSON). Every later change to
 * SloPanelOptions adds a step here and a test for the shape before it.
 *
 * It reads only `options`, as unknown: saved dashboard JSON is not trusted to have our shape.
 */
export function migrateSloPanelOptions(panel: { options: unknown }): SloPanelOptions {
  const stored = isRecord(panel.options) ? panel.options : {};
  const { target, window } = stored;

  return {
    target: typeof target === 'number' && Number.isFinite(target) ? target : defaultSloPanelOptions.target,
    window: typeof window === 'string' && window !== '' ? window : defaultSloPanelOptions.window,
  };
}
