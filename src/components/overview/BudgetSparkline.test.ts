import { sparklinePath } from './BudgetSparkline';

describe('sparklinePath', () => {
  it('draws remaining budget between 0 (bottom) and 1 (top) across the width', () => {
    expect(sparklinePath({ times: [0, 10, 20], remaining: [1, 0.5, 0] })).toBe('M0.00,0.00L50.00,12.00L100.00,24.00');
  });

  it('breaks the line at gaps and widens the scale for an overspent budget', () => {
    // From -1 to 1: 0 is half way down.
    expect(sparklinePath({ times: [0, 1, 2, 3], remaining: [1, null, 0, -1] })).toBe(
      'M0.00,0.00M66.67,12.00L100.00,24.00'
    );
  });

  it('draws nothing without values', () => {
    expect(sparklinePath({ times: [], remaining: [] })).toBe('');
    expect(sparklinePath({ times: [0, 1], remaining: [null, null] })).toBe('');
  });
});
