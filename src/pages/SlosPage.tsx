import React, { useCallback, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { EmptyState, LoadingPlaceholder, Pagination, useStyles2 } from '@grafana/ui';
import { SloListActions } from '../components/slos/SloListActions';
import { SloListFilters } from '../components/slos/SloListFilters';
import { filterRows, sloRow, type SloListFilter, type SloRow } from '../components/slos/sloList';
import { SlosEmptyState } from '../components/slos/SlosEmptyState';
import { remainingBudget } from '../components/slos/sloStatus';
import { InvalidSloTable, SloTable } from '../components/slos/SloTable';
import { StoreErrorAlert } from '../components/slos/StoreErrorAlert';
import { useDebounced } from '../components/slos/useDebounced';
import { useStoreLoad, type StoreLoad } from '../components/slos/useLoaded';
import { useSloEvaluations } from '../components/slos/useSloEvaluations';
import { useSloPermissions } from '../components/slos/useSloPermissions';
import { useWindowEnd } from '../components/slos/windowEnd';
import { testIds } from '../components/testIds';
import type { PanelState } from '../panels/slo/panelState';
import { DEFAULT_PER_PAGE, listSlos, type SloPage, type StoredSlo } from '../store';

/** Typing pauses this long before the list asks Grafana again. */
export const SEARCH_DEBOUNCE_MS = 300;

type Listing = StoreLoad<SloPage>;

const NO_SLOS: StoredSlo[] = [];
const NO_FILTER: SloListFilter = { services: [], teams: [], labels: [], sort: 'name' };

function useSloListing(searchString: string, page: number): { listing: Listing; retry: () => void } {
  const load = useCallback(() => listSlos({ searchString, page, perPage: DEFAULT_PER_PAGE }), [searchString, page]);
  const { state, retry } = useStoreLoad(load);
  return { listing: state, retry };
}

function SlosPage() {
  const styles = useStyles2(getStyles);
  const to = useWindowEnd();
  const { canCreate } = useSloPermissions();
  const [search, setSearch] = useState('');
  const searchString = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  // The page of one search: a new search starts at its first page.
  const [paged, setPaged] = useState({ searchString, page: 1 });
  const page = paged.searchString === searchString ? paged.page : 1;
  const setPage = (next: number) => setPaged({ searchString, page: next });
  const [filter, setFilter] = useState(NO_FILTER);
  const { listing, retry } = useSloListing(searchString, page);

  const loaded = listing.kind === 'loaded' ? listing.value : null;
  const slos = loaded?.slos ?? NO_SLOS;
  // Every SLO of the page is evaluated once, whatever the filters show: sorting by risk needs them all.
  const states = useSloEvaluations(slos, to);
  const allRows = useMemo(() => slos.map(sloRow), [slos]);
  const rows = useMemo(() => {
    const remaining = new Map(allRows.map((row) => [row.uid, remainingBudget(states.get(row.uid))]));
    return filterRows(allRows, filter, remaining);
  }, [allRows, states, filter]);
  const pages = loaded ? Math.max(1, Math.ceil(loaded.totalCount / loaded.perPage)) : 1;
  const nothingStored = loaded !== null && loaded.totalCount === 0 && searchString === '';

  return (
    <PluginPage actions={canCreate && !nothingStored ? <SloListActions /> : undefined}>
      <div data-testid={testIds.slosPage.container} className={styles.page}>
        {nothingStored ? (
          <SlosEmptyState canCreate={canCreate} />
        ) : (
          <>
            <SloListFilters rows={allRows} search={search} onSearch={setSearch} filter={filter} onFilter={setFilter} />
            <ListingView listing={listing} rows={rows} states={states} onRetry={retry} searchString={searchString} />
            {loaded && pages > 1 && (
              <Pagination currentPage={page} numberOfPages={pages} onNavigate={setPage} className={styles.pages} />
            )}
          </>
        )}
      </div>
    </PluginPage>
  );
}

interface ListingViewProps {
  listing: Listing;
  rows: SloRow[];
  states: ReadonlyMap<string, PanelState>;
  searchString: string;
  onRetry: () => void;
}

function ListingView({ listing, rows, states, searchString, onRetry }: ListingViewProps) {
  switch (listing.kind) {
    case 'loading':
      return (
        <div data-testid={testIds.slosPage.loading}>
          <LoadingPlaceholder text="Loading SLOs..." />
        </div>
      );
    case 'error':
      return (
        <StoreErrorAlert
          testId={testIds.slosPage.error}
          title="Could not load the SLOs"
          message={listing.error.message}
          onRetry={onRetry}
        />
      );
    case 'loaded': {
      const { invalid } = listing.value;
      return (
        <>
          {rows.length > 0 ? (
            <SloTable rows={rows} states={states} />
          ) : (
            invalid.length === 0 && (
              <div data-testid={testIds.slosPage.empty}>
                <EmptyState
                  variant="not-found"
                  message={searchString ? `No SLOs match "${searchString}"` : 'No SLOs match the filters'}
                />
              </div>
            )
          )}
          {invalid.length > 0 && <InvalidSloTable slos={invalid} />}
        </>
      );
    }
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  page: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  pages: css({ alignSelf: 'center' }),
});

export default SlosPage;
