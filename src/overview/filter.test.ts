import { filterChoices, filterSlos, tilesRange } from './filter';
import { compliancePeriods } from './periods';
import { DAY, overviewSpec } from './testing';

const specs = [
  overviewSpec({ uid: 'a', team: 'payments', service: 'checkout', labels: { tier: '1', env: 'prod' } }),
  overviewSpec({ uid: 'b', team: 'payments', service: 'refunds', labels: { tier: '2' } }),
  overviewSpec({ uid: 'c', team: 'search', service: 'search', labels: { env: 'prod', query: 'a=b' } }),
  overviewSpec({ uid: 'd', team: '', service: 'checkout', labels: {} }),
];
const uids = (list: Array<{ uid: string }>) => list.map((spec) => spec.uid);

describe('filterSlos', () => {
  it('lets everything through when no list restricts', () => {
    expect(uids(filterSlos(specs, { teams: [], services: [], labels: [] }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('matches any entry within a list', () => {
    expect(uids(filterSlos(specs, { teams: ['search', 'payments'], services: [], labels: [] }))).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(uids(filterSlos(specs, { teams: [], services: [], labels: ['tier=2', 'env=prod'] }))).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('needs a match in every list that is not empty', () => {
    expect(uids(filterSlos(specs, { teams: ['payments'], services: ['checkout'], labels: [] }))).toEqual(['a']);
    expect(uids(filterSlos(specs, { teams: ['payments'], services: [], labels: ['env=prod'] }))).toEqual(['a']);
    expect(uids(filterSlos(specs, { teams: ['search'], services: ['checkout'], labels: [] }))).toEqual([]);
  });

  it('reads a label pair up to its first "=", and needs key and value to match', () => {
    expect(uids(filterSlos(specs, { teams: [], services: [], labels: ['query=a=b'] }))).toEqual(['c']);
    expect(uids(filterSlos(specs, { teams: [], services: [], labels: ['tier=3', 'tier', 'prod'] }))).toEqual([]);
  });

  it('does not take inherited properties for labels', () => {
    expect(uids(filterSlos(specs, { teams: [], services: [], labels: ['constructor=undefined'] }))).toEqual([]);
  });
});

describe('filterChoices', () => {
  it('offers the distinct teams, services and label pairs by name, without unnamed ones', () => {
    expect(filterChoices(specs)).toEqual({
      teams: ['payments', 'search'],
      services: ['checkout', 'refunds', 'search'],
      labels: ['env=prod', 'query=a=b', 'tier=1', 'tier=2'],
    });
  });

  it('offers nothing without SLOs', () => {
    expect(filterChoices([])).toEqual({ teams: [], services: [], labels: [] });
  });
});

describe('tilesRange', () => {
  const at = Date.UTC(2026, 10, 26, 18);

  it("covers the compliance periods when every SLO's window lies inside them", () => {
    const months = compliancePeriods(at, 'Europe/Berlin', 'month');
    expect(tilesRange(specs, at, 'Europe/Berlin', 'month')).toEqual({ from: months[0].start, to: at });
    const weeks = compliancePeriods(at, 'UTC', 'week');
    expect(tilesRange([], at, 'UTC', 'week')).toEqual({ from: weeks[0].start, to: at });
  });

  it('reaches back to the start of the longest SLO window before the periods', () => {
    const quarter = overviewSpec({ uid: 'q', objective: { window: '90d' } });
    const weeks = compliancePeriods(at, 'UTC', 'week');
    expect(weeks[0].start).toBeGreaterThan(at - 90 * DAY);
    expect(tilesRange([...specs, quarter], at, 'UTC', 'week')).toEqual({ from: at - 90 * DAY, to: at });
  });

  it("starts a calendar window at its period's local start", () => {
    const calendar = overviewSpec({ uid: 'q', objective: { window: 'calendar:quarter', timeZone: 'UTC' } });
    expect(tilesRange([calendar], at, 'UTC', 'week').from).toBe(Date.UTC(2026, 9, 1));
  });

  it('leaves out SLOs whose window or time zone does not read', () => {
    const broken = [
      overviewSpec({ uid: 'w', objective: { window: 'forever' } }),
      overviewSpec({ uid: 'z', objective: { window: '400d', timeZone: 'Mars/Olympus' } }),
    ];
    const weeks = compliancePeriods(at, 'UTC', 'week');
    expect(tilesRange(broken, at, 'UTC', 'week')).toEqual({ from: weeks[0].start, to: at });
  });
});
