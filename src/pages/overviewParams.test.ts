import { BATCH_SIZE } from '../query/overviewQueries';
import { readOverviewParams, withOverviewParams } from './overviewParams';

const read = (search: string) => readOverviewParams(new URLSearchParams(search));

describe('the overview URL', () => {
  it('reads repeated filters, weeks, kiosk and the batch size', () => {
    expect(read('team=a&team=b&service=s&label=tier%3D1&period=week&kiosk&batch=1')).toEqual({
      filter: { teams: ['a', 'b'], services: ['s'], labels: ['tier=1'] },
      granularity: 'week',
      kiosk: true,
      batchSize: 1,
    });
  });

  it('falls back to months, no kiosk and the default batch for anything else', () => {
    expect(read('period=day&kiosk=false&batch=0')).toMatchObject({
      granularity: 'month',
      kiosk: false,
      batchSize: BATCH_SIZE,
    });
    expect(read('batch=101').batchSize).toBe(BATCH_SIZE);
    expect(read('batch=2.5').batchSize).toBe(BATCH_SIZE);
    expect(read('batch=100').batchSize).toBe(100);
    expect(read('').kiosk).toBe(false);
  });

  it('writes the filter and granularity, keeping the other params', () => {
    const next = withOverviewParams(new URLSearchParams('kiosk=1&team=old&orgId=1'), {
      filter: { teams: ['x'], services: [], labels: ['env=prod'] },
      granularity: 'week',
    });
    expect(next.toString()).toBe('kiosk=1&orgId=1&team=x&label=env%3Dprod&period=week');
    expect(read(next.toString()).filter).toEqual({ teams: ['x'], services: [], labels: ['env=prod'] });
  });
});
