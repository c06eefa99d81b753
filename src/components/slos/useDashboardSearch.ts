import { useCallback, useEffect, useState } from 'react';
import { type DashboardHit, searchDashboards } from '../../store';
import { type StoreLoad, useStoreLoad } from './useLoaded';

/** Typing pauses this long before a search is sent. */
export const DASHBOARD_SEARCH_DEBOUNCE_MS = 300;

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The dashboards whose title contains `text`, searched once typing pauses. */
export function useDashboardSearch(text: string): StoreLoad<DashboardHit[]> {
  const query = useDebounced(text.trim(), DASHBOARD_SEARCH_DEBOUNCE_MS);
  const load = useCallback(() => searchDashboards(query), [query]);
  return useStoreLoad(load).state;
}
