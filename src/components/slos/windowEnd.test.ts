import { windowEndOf } from './windowEnd';

describe('windowEndOf', () => {
  it('reads epoch milliseconds', () => {
    expect(windowEndOf('1795694400000')).toBe(1795694400000);
  });

  it('ends the window now when there is no usable time', () => {
    expect(windowEndOf(null)).toBeUndefined();
    expect(windowEndOf('')).toBeUndefined();
    expect(windowEndOf('now')).toBeUndefined();
    expect(windowEndOf('-5')).toBeUndefined();
    expect(windowEndOf('Infinity')).toBeUndefined();
  });
});
