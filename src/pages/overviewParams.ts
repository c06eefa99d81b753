/** The overview page's state in its URL, so that a board (filters, periods, kiosk) can be shared. */
import type { ComplianceGranularity, OverviewFilter } from '../overview';
import { BATCH_SIZE } from '../query/overviewQueries';

export interface OverviewParams {
  filter: OverviewFilter;
  granularity: ComplianceGranularity;
  kiosk: boolean;
  /** SLOs per request, 1 to 100. */
  batchSize: number;
}

export const MAX_BATCH_SIZE = 100;

/** Reads the page's search params; anything unreadable takes its default. */
export function readOverviewParams(params: URLSearchParams): OverviewParams {
  const batch = Number(params.get('batch'));
  const kiosk = params.get('kiosk');
  return {
    filter: { teams: params.getAll('team'), services: params.getAll('service'), labels: params.getAll('label') },
    granularity: params.get('period') === 'week' ? 'week' : 'month',
    // Grafana's own `kiosk` param is present without a value (`?kiosk`) or with one (`?kiosk=1`).
    kiosk: kiosk !== null && kiosk !== 'false' && kiosk !== '0',
    batchSize: Number.isInteger(batch) && batch >= 1 && batch <= MAX_BATCH_SIZE ? batch : BATCH_SIZE,
  };
}

/** `params` with the filter and granularity replaced; other params (kiosk, batch, Grafana's) are kept. */
export function withOverviewParams(
  params: URLSearchParams,
  { filter, granularity }: Pick<OverviewParams, 'filter' | 'granularity'>
): URLSearchParams {
  const next = new URLSearchParams(params);
  ['team', 'service', 'label', 'period'].forEach((name) => next.delete(name));
  filter.teams.forEach((team) => next.append('team', team));
  filter.services.forEach((service) => next.append('service', service));
  filter.labels.forEach((label) => next.append('label', label));
  if (granularity !== 'month') {
    next.set('period', granularity);
  }
  return next;
}
