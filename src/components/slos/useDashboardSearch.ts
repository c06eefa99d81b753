import { useCallback } from 'react';
import { type DashboardHit, searchDashboards } from '../../store';
import { useDebounced } from './useDebounced';
import { type StoreLoad, useStoreLoad } from './useLoaded';

/** Typing pauses this long before a search is sent. */
export const DASHBOARD_SEARCH_DEBOUNCE_MS = 300;

/** The dashboards whose title contains `text`, searched once typing pauses. */
export function useDashboardSearch(text: string): StoreLoad<DashboardHit[]> {
  const query = useDebounced(text.trim(), DASHBOARD_SEARCH_DEBOUNCE_MS);
  const load = useCallback(() => searchDashboards(query), [query]);
  return useStoreLoad(load).state;
}
