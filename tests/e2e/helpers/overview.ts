/** The overview's example SLOs and how to wait for the overview view, for the page and the panel. */
import type { Locator } from 'playwright-core';
import { testIds } from '../../../src/components/testIds';
import type { HostPage } from './host';

/** The example SLOs of provisioning/slos by team; other test files add more SLOs to the host. */
export const EXAMPLE_TEAMS: Record<string, string[]> = {
  payments: ['checkout-availability', 'checkout-latency', 'payments-availability-monthly'],
  discovery: ['search-availability'],
  platform: ['admin-availability'],
};
export const EXAMPLE_UIDS = Object.values(EXAMPLE_TEAMS).flat();

/**
 * Waits until the overview view under `scope` has every SLO's tiles and drew them, and returns
 * how many SLOs it shows.
 */
export async function overviewDone(host: HostPage, scope: Locator = host.page.locator('body')): Promise<number> {
  const view = scope.getByTestId(testIds.overview.view);
  await scope.locator(`[data-testid="${testIds.overview.view}"][data-done="true"]`).waitFor({ timeout: 30_000 });
  expect(Number(await view.getAttribute('data-answered'))).toBe(Number(await view.getAttribute('data-requests')));
  return Number(await view.getAttribute('data-slos'));
}
