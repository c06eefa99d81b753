import type { AlertState } from '../../engine';
import { dataStepNote } from './dataStepNote';

const MINUTE = 60_000;

const tier = (longWindow: string, shortWindow: string): AlertState => ({
  severity: 'page',
  longWindow,
  shortWindow,
  factor: 14.4,
  budgetShare: 0.02,
  longBurnRate: null,
  shortBurnRate: null,
  firing: false,
});

describe('dataStepNote', () => {
  it('says that windows shorter than the data step are read over it', () => {
    expect(dataStepNote({ dataStep: 15 * MINUTE, alerts: [tier('1h', '5m'), tier('6h', '30m')] })).toBe(
      "Windows shorter than the data's 15m step are read over 15m."
    );
    expect(dataStepNote({ dataStep: 90 * MINUTE, alerts: [tier('6h', '1h')] })).toBe(
      "Windows shorter than the data's 1h30m step are read over 1h30m."
    );
  });

  it('says nothing when every window is at least the data step', () => {
    expect(dataStepNote({ dataStep: 5 * MINUTE, alerts: [tier('1h', '5m')] })).toBeNull();
    expect(dataStepNote({ dataStep: MINUTE, alerts: [tier('1h', '5m')] })).toBeNull();
  });

  it('says nothing without a data step or without tiers', () => {
    expect(dataStepNote({ dataStep: null, alerts: [tier('1h', '5m')] })).toBeNull();
    expect(dataStepNote({ dataStep: 15 * MINUTE, alerts: [] })).toBeNull();
  });
});
