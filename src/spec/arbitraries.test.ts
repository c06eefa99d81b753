import fc from 'fast-check';

import { sloSpec } from './arbitraries';
import { validateSlo } from './validate';

describe('sloSpec arbitrary', () => {
  it('generates only valid specs', () => {
    fc.assert(
      fc.property(sloSpec, (slo) => {
        expect(validateSlo(slo)).toEqual({ ok: true, slo });
      }),
      { numRuns: 300 }
    );
  });
});
