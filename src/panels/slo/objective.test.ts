import { describeObjective } from './objective';

describe('describeObjective', () => {
  it('states the target in percent and the window', () => {
    expect(describeObjective({ target: 99.9, window: '30d' })).toBe('Objective 99.9% over 30d');
  });

  it('keeps every nine of the target instead of rounding up to 100%', () => {
    expect(describeObjective({ target: 99.99, window: '28d' })).toBe('Objective 99.99% over 28d');
    expect(describeObjective({ target: 99.999, window: '7d' })).toBe('Objective 99.999% over 7d');
  });

  it('shows a whole target without decimals', () => {
    expect(describeObjective({ target: 99, window: '30d' })).toBe('Objective 99% over 30d');
  });
});
