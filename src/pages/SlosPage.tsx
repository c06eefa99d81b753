import React, { useCallback, useEffect, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  EmptyState,
  Field,
  FilterInput,
  LoadingPlaceholder,
  MultiSelect,
  Pagination,
  RadioButtonGroup,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';
import { InvalidSloTable, SloTable } from '../components/slos/SloTable';
import { useStoreLoad, type StoreLoad } from '../components/slos/useLoaded';
import { distinct, filterRows, sloRow, type SloSortKey } from '../components/slos/sloList';
import { testIds } from '../components/testIds';
import { DEFAULT_PER_PAGE, listSlos, type SloPage } from '../store';

/** Typing pauses this long before the list asks Grafana again. */
export const SEARCH_DEBOUNCE_MS = 300;

const SORT_OPTIONS: Array<SelectableValue<SloSortKey>> = [
  { label: 'Name', value: 'name' },
  { label: 'Service', value: 'service' },
  { label: 'Team', value: 'team' },
];

type Listing = StoreLoad<SloPage>;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function useSloListing(searchString: string, page: number): { listing: Listing; retry: () => void } {
  const load = useCallback(() => listSlos({ searchString, page, perPage: DEFAULT_PER_PAGE }), [searchString, page]);
  const { state, retry } = useStoreLoad(load);
  return { listing: state, retry };
}

const valuesOf = (selected: Array<SelectableValue<string>>) =>
  selected.flatMap((item) => (item.value === undefined ? [] : [item.value]));

function SlosPage() {
  const styles = useStyles2(getStyles);
  const [search, setSearch] = useState('');
  const searchString = useDebounced(search.trim(), SEARCH_DEBOUNCE_MS);
  // The page of one search: a new search starts at its first page.
  const [paged, setPaged] = useState({ searchString, page: 1 });
  const page = paged.searchString === searchString ? paged.page : 1;
  const setPage = (next: number) => setPaged({ searchString, page: next });
  const [services, setServices] = useState<string[]>([]);
  const [teams, setTeams] = useState<string[]>([]);
  const [sort, setSort] = useState<SloSortKey>('name');
  const { listing, retry } = useSloListing(searchString, page);

  const loaded = listing.kind === 'loaded' ? listing.value : null;
  const allRows = useMemo(() => (loaded ? loaded.slos.map(sloRow) : []), [loaded]);
  const rows = useMemo(() => filterRows(allRows, { services, teams, sort }), [allRows, services, teams, sort]);
  const serviceOptions = distinct(allRows.map((row) => row.service)).map((value) => ({ label: value, value }));
  const teamOptions = distinct(allRows.map((row) => row.team)).map((value) => ({ label: value, value }));
  const pages = loaded ? Math.max(1, Math.ceil(loaded.totalCount / loaded.perPage)) : 1;
  const nothingStored = loaded !== null && loaded.totalCount === 0 && searchString === '';

  return (
    <PluginPage>
      <div data-testid={testIds.slosPage.container} className={styles.page}>
        {nothingStored ? (
          <div data-testid={testIds.slosPage.empty}>
            <EmptyState variant="call-to-action" message="No SLOs yet">
              <Text element="p">
                An SLO is a library panel of the Nines SLO panel: add a Nines SLO panel to a dashboard, set its
                objective and queries, and save it as a library panel. It then shows up here. Creating SLOs from the app
                comes next.
              </Text>
            </EmptyState>
          </div>
        ) : (
          <>
            <Stack direction="row" gap={2} wrap="wrap" alignItems="flex-end">
              <Field label="Search" className={styles.search}>
                <FilterInput
                  data-testid={testIds.slosPage.search}
                  placeholder="Name or description"
                  value={search}
                  onChange={setSearch}
                />
              </Field>
              <Field label="Service" data-testid={testIds.slosPage.serviceFilter}>
                <MultiSelect
                  aria-label="Service"
                  options={serviceOptions}
                  value={services}
                  onChange={(selected) => setServices(valuesOf(selected))}
                  placeholder="All services"
                  width={28}
                />
              </Field>
              <Field label="Team" data-testid={testIds.slosPage.teamFilter}>
                <MultiSelect
                  aria-label="Team"
                  options={teamOptions}
                  value={teams}
                  onChange={(selected) => setTeams(valuesOf(selected))}
                  placeholder="All teams"
                  width={28}
                />
              </Field>
              <Field label="Sort by">
                <RadioButtonGroup options={SORT_OPTIONS} value={sort} onChange={setSort} />
              </Field>
            </Stack>
            <ListingView listing={listing} rows={rows} onRetry={retry} searchString={searchString} />
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
  rows: ReturnType<typeof filterRows>;
  searchString: string;
  onRetry: () => void;
}

function ListingView({ listing, rows, searchString, onRetry }: ListingViewProps) {
  switch (listing.kind) {
    case 'loading':
      return (
        <div data-testid={testIds.slosPage.loading}>
          <LoadingPlaceholder text="Loading SLOs..." />
        </div>
      );
    case 'error':
      return (
        <div data-testid={testIds.slosPage.error}>
          <Alert severity="error" title="Could not load the SLOs">
            <Stack direction="column" gap={1} alignItems="flex-start">
              <Text element="p">{listing.error.message}</Text>
              <Button variant="secondary" icon="sync" onClick={onRetry}>
                Retry
              </Button>
            </Stack>
          </Alert>
        </div>
      );
    case 'loaded': {
      const { invalid } = listing.value;
      return (
        <>
          {rows.length > 0 ? (
            <SloTable rows={rows} />
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
  search: css({ minWidth: theme.spacing(32), flex: 1 }),
  pages: css({ alignSelf: 'center' }),
});

export default SlosPage;
