import { useSearchParams } from 'react-router-dom';

/**
 * `?to=<epoch ms>`: the end of the SLO window (default now), so that the app's pages can be
 * compared with a dashboard at the same time.
 */
export function windowEndOf(text: string | null): number | undefined {
  const to = text === null ? Number.NaN : Number(text);
  return Number.isFinite(to) && to > 0 ? to : undefined;
}

/** The page's `?to=`, read as `windowEndOf` does. */
export function useWindowEnd(): number | undefined {
  const [searchParams] = useSearchParams();
  return windowEndOf(searchParams.get('to'));
}
