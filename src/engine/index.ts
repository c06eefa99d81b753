/** The Nines engine: pure SLO arithmetic for the panel, the app, the CLI and external checks. */
export { evaluateSlo, STANDARD_BURN_WINDOWS } from './evaluate';
export { DEFAULT_ALERT_TIERS } from './alertTiers';
export { formatDuration, parseDuration } from './duration';
export { parseWindow } from './window';
export type * from './types';
