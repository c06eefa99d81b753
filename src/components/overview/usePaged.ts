import { useState } from 'react';

/**
 * One page of `items` (1-based), so that the DOM stays small with a thousand SLOs. A page beyond
 * the last (the list shrank under a filter) shows the last page.
 */
export function usePaged<T>(items: readonly T[], perPage: number) {
  const [wanted, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.min(wanted, pages);
  return { page, pages, setPage, items: items.slice((page - 1) * perPage, page * perPage) };
}
