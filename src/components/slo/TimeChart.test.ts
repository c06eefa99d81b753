import { valueTicks } from './TimeChart';

describe('valueTicks', () => {
  it('picks round steps within the range', () => {
    expect(valueTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(valueTicks(0.876, 1, 4)).toEqual([0.9, 0.95, 1]);
    expect(valueTicks(0.998, 1, 4)).toEqual([0.998, 0.9985, 0.999, 0.9995, 1]);
    expect(valueTicks(-0.5, 1, 3)).toEqual([-0.5, 0, 0.5, 1]);
  });
});
