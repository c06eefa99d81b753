import { complianceGrid, complianceRow, groupComplianceRows, type ComplianceSlo } from './compliance';
import { compliancePeriods } from './periods';
import { eventTiles, HOUR, hourlyTiles, overviewSpec } from './testing';

const AT = Date.UTC(2026, 10, 26, 18);
/** Hourly tiles from 1 May 2026 to `AT`. */
const SINCE_MAY = (AT - Date.UTC(2026, 4, 1)) / HOUR;
const months = (slos: ComplianceSlo[], timeZone: string) =>
  complianceGrid(slos, AT, { timeZone, granularity: 'month' });
const onlyRow = (grid: ReturnType<typeof months>) => grid.teams[0].services[0].rows[0];
const totals = (grid: ReturnType<typeof months>) => onlyRow(grid).cells.map((cell) => cell.events.total);

describe('complianceGrid', () => {
  it('counts every hour of each month in the zone, DST included, the current month up to `at`', () => {
    const tiles = hourlyTiles(AT + 5 * HOUR, SINCE_MAY + 5, () => ({ total: 1, bad: 0 }));
    const berlin = months([{ spec: overviewSpec(), tiles }], 'Europe/Berlin');
    // June to September 30 or 31 days; October one hour longer; November from its start to `at`.
    expect(totals(berlin)).toEqual([720, 744, 744, 720, 745, 25 * 24 + 19]);
    expect(berlin.periods[5].current).toBe(true);
    const newYork = months([{ spec: overviewSpec(), tiles }], 'America/New_York');
    expect(totals(newYork)).toEqual([720, 744, 744, 720, 744, 25 * 24 + 14]);
  });

  it('puts the tile of the last UTC hour of October in the month it falls in, in each zone', () => {
    // The tile ending 2026-11-01 00:00 UTC: 1 November 01:00 in Berlin, 31 October 20:00 in New York.
    const tiles = eventTiles([Date.UTC(2026, 10, 1)], []);
    const status = (timeZone: string) =>
      onlyRow(months([{ spec: overviewSpec(), tiles }], timeZone)).cells.map((cell) => cell.status);
    expect(status('Europe/Berlin')).toEqual(['noData', 'noData', 'noData', 'noData', 'noData', 'met']);
    expect(status('America/New_York')).toEqual(['noData', 'noData', 'noData', 'noData', 'met', 'noData']);
    expect(status('UTC')).toEqual(['noData', 'noData', 'noData', 'noData', 'met', 'noData']);
  });

  it('meets the objective exactly at the target, and misses it just below', () => {
    const october = Date.UTC(2026, 9, 15);
    const november = Date.UTC(2026, 10, 15);
    const tiles = hourlyTiles(AT, SINCE_MAY, (end) => ({
      total: end === october || end === november ? 1000 : 0,
      bad: end === october ? 1 : 2,
    }));
    const row = onlyRow(months([{ spec: overviewSpec({ objective: { target: 99.9 } }), tiles }], 'UTC'));
    expect(row.cells.slice(4)).toEqual([
      { status: 'met', sli: 0.999, events: { good: 999, bad: 1, total: 1000 } },
      { status: 'missed', sli: 0.998, events: { good: 998, bad: 2, total: 1000 } },
    ]);
    expect(row.cells[0]).toEqual({ status: 'noData', sli: null, events: { good: 0, bad: 0, total: 0 } });
  });

  it('reads bad-event tiles', () => {
    const tiles = hourlyTiles(AT, 24, () => ({ total: 100, bad: 1 }), 'bad');
    const row = onlyRow(months([{ spec: overviewSpec({ objective: { target: 99 } }), tiles }], 'UTC'));
    expect(row.cells[5]).toEqual({ status: 'met', sli: 0.99, events: { good: 2376, bad: 24, total: 2400 } });
  });

  it('has only noData cells without tiles, and names the problem of tiles it cannot read', () => {
    const missing = onlyRow(months([{ spec: overviewSpec(), tiles: null }], 'UTC'));
    expect(missing.cells.map((cell) => cell.status)).toEqual(Array(6).fill('noData'));
    expect(missing.message).toBeNull();
    const both = { ...eventTiles([AT], []), bad: eventTiles([AT], []).total };
    const broken = onlyRow(months([{ spec: overviewSpec(), tiles: both }], 'UTC'));
    expect(broken.cells.map((cell) => cell.status)).toEqual(Array(6).fill('noData'));
    expect(broken.message).toMatch(/good and bad/);
  });

  it('has no SLI for a period with more good than total events', () => {
    const tiles = {
      good: [{ kind: 'increment' as const, times: [AT], values: [5] }],
      total: [{ kind: 'increment' as const, times: [AT], values: [1] }],
    };
    expect(onlyRow(months([{ spec: overviewSpec(), tiles }], 'UTC')).cells[5]).toMatchObject({
      status: 'noData',
      sli: null,
    });
  });

  it('switches to the last 8 weeks, Monday to Monday', () => {
    // Monday 23 November 00:00 UTC ends the previous week; 01:00 is the current week's first hour.
    const tiles = eventTiles([Date.UTC(2026, 10, 23, 1)], [Date.UTC(2026, 10, 23)]);
    const grid = complianceGrid([{ spec: overviewSpec(), tiles }], AT, { timeZone: 'UTC', granularity: 'week' });
    expect(grid.granularity).toBe('week');
    expect(grid.periods).toHaveLength(8);
    expect(
      onlyRow(grid)
        .cells.map((cell) => cell.status)
        .slice(5)
    ).toEqual(['noData', 'missed', 'met']);
  });

  it('takes the number of periods from the options', () => {
    const grid = complianceGrid([{ spec: overviewSpec(), tiles: null }], AT, {
      timeZone: 'UTC',
      granularity: 'month',
      count: 12,
    });
    expect(grid.periods).toHaveLength(12);
    expect(onlyRow(grid).cells).toHaveLength(12);
  });

  it('groups rows by team, then service, by name with the unnamed last', () => {
    const slo = (name: string, team: string, service: string): ComplianceSlo => ({
      spec: overviewSpec({ uid: name, name, team, service }),
      tiles: null,
    });
    const grid = months(
      [
        slo('z', 'search', 'api'),
        slo('b', '', 'web'),
        slo('y', 'payments', 'checkout'),
        slo('a', 'search', 'api'),
        slo('c', 'search', ''),
      ],
      'UTC'
    );
    expect(
      grid.teams.map((team) => [
        team.team,
        team.services.map((service) => [service.service, service.rows.map((row) => row.name)]),
      ])
    ).toEqual([
      ['payments', [['checkout', ['y']]]],
      [
        'search',
        [
          ['api', ['a', 'z']],
          ['', ['c']],
        ],
      ],
      ['', [['web', ['b']]]],
    ]);
    expect(grid.teams[0].services[0].rows[0]).toMatchObject({ uid: 'y', target: 99.9 });
  });
});

describe('complianceRow and groupComplianceRows', () => {
  it('make the grid complianceGrid makes, from rows computed one SLO at a time', () => {
    const tiles = hourlyTiles(AT, SINCE_MAY, (end) => ({ total: 100, bad: end % (7 * HOUR) === 0 ? 1 : 0 }));
    const slos: ComplianceSlo[] = [
      { spec: overviewSpec({ uid: 'b', name: 'B', team: 'web', service: 'search' }), tiles },
      { spec: overviewSpec({ uid: 'a', name: 'A', team: 'payments', service: 'checkout' }), tiles: null },
      { spec: overviewSpec({ uid: 'c', name: 'C', team: 'payments', service: 'checkout' }), tiles },
    ];
    const options = { timeZone: 'Europe/Berlin', granularity: 'week' as const };
    const periods = compliancePeriods(AT, options.timeZone, options.granularity);
    const rows = slos.map(({ spec, tiles: own }) => ({
      team: spec.team,
      service: spec.service,
      row: complianceRow(spec, own, periods, AT),
    }));
    expect(groupComplianceRows(rows, periods, options)).toEqual(complianceGrid(slos, AT, options));
    expect(rows[0].row.cells.some((cell) => cell.status === 'missed')).toBe(true);
  });
});
