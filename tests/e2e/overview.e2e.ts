/**
 * The reliability overview page (issue 7): every example SLO's budget health against the
 * generator's ground truth, the compliance grid, filters in the URL, and kiosk mode.
 */
import { testIds } from '../../src/components/testIds';
import { prefixRoute, ROUTES, sloPageUrl } from '../../src/constants';
import { readTrafficIndex } from '../../scripts/traffic/backfill';
import { DAY, HOUR, dataDir, expectClose, numberIn, serviceTruth } from './helpers/groundTruth';
import { trafficEnd, useBrowser, withPage, type HostPage, type Theme } from './helpers/host';
import { EXAMPLE_TEAMS, EXAMPLE_UIDS, overviewDone } from './helpers/overview';

const PAGE = prefixRoute(ROUTES.Overview);
const BUCKETS = ['healthy', 'observe', 'attention', 'atRisk', 'exhausted', 'noData'];

const browser = useBrowser();

/** Uids of the SLO rows in the table (first page) with their team cell and bucket. */
async function tableRows(host: HostPage) {
  return host
    .byTestId(testIds.overview.table)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => ({
        uid: (row.getAttribute('data-testid') ?? '').replace('data-testid nines-overview-row-', ''),
        team: row.querySelectorAll('td')[1]?.textContent ?? '',
        bucket: row.getAttribute('data-bucket') ?? '',
      }))
    );
}

async function gridUids(host: HostPage) {
  const ids = await host
    .byTestId(testIds.overview.grid)
    .locator('tbody tr[data-testid]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('data-testid nines-overview-grid-row-', ''));
}

/** The headline's bucket counts, by bucket. */
async function bucketCounts(host: HostPage): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const bucket of BUCKETS) {
    counts[bucket] = numberIn(
      await host.byTestId(testIds.overview.bucket(bucket)).locator('span').first().textContent()
    );
  }
  return counts;
}

/**
 * Headline, table and grid tell the same story: the buckets add up to the SLOs shown, each bucket's
 * count is the table's rows in it, and "X of Y" counts the rows with an SLI.
 */
async function expectConsistent(host: HostPage, shown: number) {
  const rows = await tableRows(host);
  // The table shows 25 SLOs a page; the host holds far fewer in any run of the suite.
  expect(rows).toHaveLength(shown);
  const counts = await bucketCounts(host);
  const tally = Object.fromEntries(
    BUCKETS.map((bucket) => [bucket, rows.filter((row) => row.bucket === bucket).length])
  );
  expect(counts).toEqual(tally);
  const withSli = await host.byTestId(testIds.overview.table).locator('td[data-testid*="nines-overview-sli-"]').count();
  const headline = (await host.byTestId(testIds.overview.headline).locator('p').first().textContent()) ?? '';
  expect(headline).toMatch(new RegExp(`^\\d+ of ${withSli} SLOs? with data meets? (its|their) objective$`));
  expect(numberIn(headline)).toBeLessThanOrEqual(withSli);
  expect((await gridUids(host)).sort()).toEqual(rows.map((row) => row.uid).sort());
  return rows;
}

/**
 * The overview evaluates at the page's load time and has no time range in its URL: for
 * screenshots that only change when the page does, load it again with the clock held at the end
 * of the traffic.
 */
async function loadAtTrafficEnd(host: HostPage) {
  await host.page.clock.setFixedTime(trafficEnd());
  await host.page.reload();
  await host.page.getByTestId('host user').waitFor();
}

async function expectNoBadNumbers(host: HostPage) {
  const text = await host.page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity/);
}

/** Column titles of the compliance grid, without the SLO column. */
async function gridPeriods(host: HostPage): Promise<string[]> {
  const titles = await host.byTestId(testIds.overview.grid).locator('thead th').allTextContents();
  return titles.slice(1);
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The six calendar months ending with the one holding `at`, in UTC (the pages' time zone here). */
function monthPeriods(at: number) {
  const end = new Date(at);
  return Array.from({ length: 6 }, (_, index) => {
    const month = end.getUTCMonth() - 5 + index;
    const start = Date.UTC(end.getUTCFullYear(), month, 1);
    const next = Date.UTC(end.getUTCFullYear(), month + 1, 1);
    const label = `${MONTH_NAMES[new Date(start).getUTCMonth()]} ${new Date(start).getUTCFullYear()}`;
    return { start, end: next, label: index === 5 ? `${label} (so far)` : label };
  });
}

/** The eight weeks (Monday to Monday, UTC) ending with the one holding `at`. */
function weekPeriods(at: number) {
  const today = at - (at % DAY);
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  return Array.from({ length: 8 }, (_, index) => {
    const start = monday - (7 - index) * 7 * DAY;
    return { start, end: start + 7 * DAY };
  });
}

/**
 * Every example SLO's grid cells: periods that end before the backfilled traffic starts say
 * "No data", periods with at least a day of traffic (the current one too) say met or missed.
 */
async function expectGridCells(host: HostPage, periods: Array<{ start: number; end: number }>) {
  const { start: trafficStart } = readTrafficIndex(dataDir());
  const expected = periods.map((period) =>
    period.end <= trafficStart ? 'noData' : period.end - trafficStart >= DAY ? 'metOrMissed' : 'any'
  );
  expect(expected).toContain('noData');
  expect(expected[expected.length - 1]).toBe('metOrMissed');
  for (const uid of EXAMPLE_UIDS) {
    const cells = host.byTestId(testIds.overview.gridRow(uid)).locator('td');
    const statuses = await cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-status') ?? ''));
    const texts = await cells.allTextContents();
    expect(statuses).toHaveLength(periods.length);
    statuses.forEach((status, index) => {
      const what = { uid, period: index, status, text: texts[index] };
      if (expected[index] === 'noData') {
        expect(what).toEqual({ ...what, status: 'noData', text: 'No data' });
      } else if (expected[index] === 'metOrMissed') {
        expect(what).toEqual({ ...what, status: expect.stringMatching(/^(met|missed)$/) });
        expect(texts[index]).toMatch(/^(Met|Missed) \d+(\.\d+)?%$/);
      }
    });
  }
}

describe('the reliability overview page', () => {
  for (const theme of ['light', 'dark'] satisfies Theme[]) {
    test(`a Viewer sees every example SLO's budget health, consistent with the ground truth (${theme})`, async () => {
      await withPage(browser(), PAGE, { user: 'viewer', theme }, async (host) => {
        await loadAtTrafficEnd(host);
        const shown = await overviewDone(host);
        expect(shown).toBeGreaterThanOrEqual(EXAMPLE_UIDS.length);
        const rows = await expectConsistent(host, shown);
        for (const uid of EXAMPLE_UIDS) {
          const row = rows.find((each) => each.uid === uid);
          expect({ uid, bucket: row?.bucket }).toEqual({ uid, bucket: expect.stringMatching(/^(?!noData$)/) });
        }
        expect(await host.byTestId(testIds.overview.progress).count()).toBe(0);

        // The page evaluates at its load time (held at the end of the traffic) from hourly tiles.
        // Prometheus is asked on whole hours (Grafana floors the range to the step), so the
        // rolling 30 days end at the last whole hour of the traffic.
        const lastHour = trafficEnd() - (trafficEnd() % HOUR);
        const truth = serviceTruth('checkout', lastHour - 30 * DAY, lastHour);
        const remaining = 1 - truth.bad / (0.001 * truth.total);
        const sli = await host.byTestId(testIds.overview.sli('checkout-availability')).textContent();
        const budget = await host.byTestId(testIds.overview.remaining('checkout-availability')).textContent();
        // The SLI is floored to 2 decimals of a percent, the budget rounded to 1.
        expectClose('checkout SLI', numberIn(sli) / 100, truth.sli, 0.0001);
        expectClose('checkout budget left', numberIn(budget) / 100, remaining, 0.0005);

        // This month's cell: the calendar month so far, to the same last whole hour.
        const months = monthPeriods(trafficEnd());
        const month = serviceTruth('checkout', months[5].start, lastHour);
        const cell = await host.byTestId(testIds.overview.gridCell('checkout-availability', 5)).textContent();
        expectClose('checkout SLI this month', numberIn(cell) / 100, month.sli, 0.0001);
        expect(cell).toMatch(month.sli >= 0.999 ? /^Met / : /^Missed /);

        expect(await gridPeriods(host)).toEqual(months.map((period) => period.label));
        await expectGridCells(host, months);
        await expectNoBadNumbers(host);
        await host.expectAccessible();
        await host.screenshot(`overview-${theme}`, { fullPage: true });

        // Weeks: eight columns, asked of nobody again (the tiles cover both calendars).
        const requests = host.requests.filter((request) => request.endsWith('/api/ds/query')).length;
        await host.byTestId(testIds.overview.granularity).getByRole('radio', { name: '8 weeks' }).click();
        await host.page.waitForURL(/[?&]period=week/);
        expect(await gridPeriods(host)).toHaveLength(8);
        await expectGridCells(host, weekPeriods(trafficEnd()));
        expect(host.requests.filter((request) => request.endsWith('/api/ds/query'))).toHaveLength(requests);
        await expectNoBadNumbers(host);
        await host.expectAccessible();
      });
    });
  }

  test('Refresh asks Prometheus only for the last hours of the query builders and shows the same numbers', async () => {
    await withPage(browser(), PAGE, { user: 'viewer', theme: 'dark' }, async (host) => {
      await loadAtTrafficEnd(host);
      const shown = await overviewDone(host);
      const table = () => host.byTestId(testIds.overview.table).locator('tbody').innerText();
      const grid = () => host.byTestId(testIds.overview.grid).locator('tbody').innerText();
      const before = { table: await table(), grid: await grid() };
      const batches = Number(await host.byTestId(testIds.overview.view).getAttribute('data-requests'));

      const asked: Array<{ from: number; to: number; builder: boolean }> = [];
      host.page.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith('/api/ds/query')) {
          const body = JSON.parse(request.postData() ?? '{}');
          const exprs: string[] = (body.queries ?? []).map((query: { expr?: string }) => query.expr ?? '');
          asked.push({
            from: Number(body.from),
            to: Number(body.to),
            // A query builder's tiles: the hourly increases, summed (raw queries are asked in full).
            builder:
              exprs.length > 0 &&
              exprs.every((expr) => /^sum\((increase|sum_over_time)\(.*\[1h(:1m)?\]\)\)$/.test(expr)),
          });
        }
      });
      await host.byTestId(testIds.overview.refresh).click();
      // Every batch asked again (the view says it is loading from the moment they are sent) and answered.
      for (let waited = 0; asked.length < batches; waited += 100) {
        if (waited > 30_000) {
          throw new Error(`Refresh: ${asked.length} of ${batches} requests sent after 30 s`);
        }
        await host.page.waitForTimeout(100);
      }
      expect(await overviewDone(host)).toBe(shown);

      // The clock is held, so the refresh is at the same instant: the builders' batches ask for the
      // last whole hour and the two before it, nothing earlier.
      const lastHour = trafficEnd() - (trafficEnd() % HOUR);
      const builders = asked.filter((request) => request.builder);
      expect(builders.length).toBeGreaterThan(0);
      for (const request of builders) {
        expect(request).toEqual({ from: lastHour - 2 * HOUR, to: trafficEnd(), builder: true });
      }
      expect({ table: await table(), grid: await grid() }).toEqual(before);
      await expectNoBadNumbers(host);
    });
  });

  test("choosing a team narrows the overview to its SLOs and lands in the URL; an SLO's name opens its page", async () => {
    const team = 'payments';
    const expectTeamOnly = async (host: HostPage) => {
      const shown = await overviewDone(host);
      const rows = await expectConsistent(host, shown);
      expect(rows.map((row) => row.team)).toEqual(rows.map(() => team));
      expect(rows.map((row) => row.uid)).toEqual(expect.arrayContaining(EXAMPLE_TEAMS[team]));
      const others = EXAMPLE_UIDS.filter((uid) => !EXAMPLE_TEAMS[team].includes(uid));
      for (const uid of others) {
        expect({ uid, rows: await host.byTestId(testIds.overview.row(uid)).count() }).toEqual({ uid, rows: 0 });
        expect({ uid, grid: await host.byTestId(testIds.overview.gridRow(uid)).count() }).toEqual({ uid, grid: 0 });
      }
      const teams = await host.byTestId(testIds.overview.grid).locator('th[scope=colgroup]').allTextContents();
      expect(teams).toContain(team);
      expect(teams).not.toContain('discovery');
      expect(teams).not.toContain('platform');
      return rows;
    };

    let filtered: Array<{ uid: string; bucket: string }> = [];
    await withPage(browser(), PAGE, { user: 'viewer', theme: 'dark' }, async (host) => {
      const all = await overviewDone(host);
      await host.byTestId(testIds.overview.teamFilter).getByRole('combobox').click();
      await host.page.getByRole('option', { name: team, exact: true }).click();
      await host.page.keyboard.press('Escape');
      await host.page.waitForURL(new RegExp(`[?&]team=${team}(&|$)`));
      filtered = await expectTeamOnly(host);
      expect(filtered.length).toBeLessThan(all);
      await expectNoBadNumbers(host);
    });

    await withPage(browser(), `${PAGE}?team=${team}`, { user: 'viewer', theme: 'light' }, async (host) => {
      const rows = await expectTeamOnly(host);
      expect(rows.map(({ uid, bucket }) => ({ uid, bucket }))).toEqual(
        filtered.map(({ uid, bucket }) => ({ uid, bucket }))
      );
      const uid = EXAMPLE_TEAMS[team][0];
      await host.byTestId(testIds.overview.row(uid)).getByRole('link').click();
      await host.page.waitForURL((url) => url.pathname === sloPageUrl(uid));
      await host.byTestId(testIds.sloPage.header).waitFor();
      expect(await host.byTestId(testIds.sloPage.team).textContent()).toBe(team);
    });
  });

  test('kiosk mode draws larger type without filter controls', async () => {
    const fontSizes = (host: HostPage) =>
      Promise.all(
        [
          host.byTestId(testIds.overview.view),
          host.byTestId(testIds.overview.headline).locator('strong'),
          host.byTestId(testIds.overview.table).locator('tbody td').first(),
        ].map((element) => element.evaluate((node) => parseFloat(getComputedStyle(node).fontSize)))
      );
    let normal: number[] = [];
    await withPage(browser(), PAGE, { user: 'viewer', theme: 'dark' }, async (host) => {
      await overviewDone(host);
      normal = await fontSizes(host);
      await host.byTestId(testIds.overview.filters).waitFor();
      await host.byTestId(testIds.overview.kiosk).click();
      await host.page.waitForURL(/[?&]kiosk=1/);
      await overviewDone(host);
      expect(await host.byTestId(testIds.overview.filters).count()).toBe(0);
    });

    await withPage(browser(), `${PAGE}?kiosk`, { user: 'viewer', theme: 'dark' }, async (host) => {
      await loadAtTrafficEnd(host);
      const shown = await overviewDone(host);
      await expectConsistent(host, shown);
      const kiosk = await fontSizes(host);
      kiosk.forEach((size, index) => expect({ index, larger: size > normal[index] }).toEqual({ index, larger: true }));
      expect(await host.byTestId(testIds.overview.filters).count()).toBe(0);
      expect(await host.byTestId(testIds.overview.granularity).count()).toBe(0);
      expect(await host.byTestId(testIds.overview.kiosk).count()).toBe(0);
      await expectNoBadNumbers(host);
      await host.expectAccessible();
      await host.screenshot('overview-kiosk-dark', { fullPage: true });
    });
  });
});
