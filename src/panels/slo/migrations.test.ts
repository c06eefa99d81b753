import { migrateSloPanelOptions } from './migrations';
import { defaultSloPanelOptions } from './types';

describe('migrateSloPanelOptions', () => {
  it('gives a panel saved without options the default objective', () => {
    expect(migrateSloPanelOptions({ options: undefined })).toEqual(defaultSloPanelOptions);
    expect(migrateSloPanelOptions({ options: {} })).toEqual(defaultSloPanelOptions);
  });

  it('keeps the objective of a panel saved by the first version', () => {
    expect(migrateSloPanelOptions({ options: { target: 99.5, window: '28d' } })).toEqual({
      target: 99.5,
      window: '28d',
    });
  });

  it('replaces values of the wrong type with the defaults and keeps the valid ones', () => {
    expect(migrateSloPanelOptions({ options: { target: '99.5', window: '7d' } })).toEqual({
      target: defaultSloPanelOptions.target,
      window: '7d',
    });
    expect(migrateSloPanelOptions({ options: { target: Number.NaN, window: '' } })).toEqual(defaultSloPanelOptions);
    expect(migrateSloPanelOptions({ options: [99.5, '28d'] })).toEqual(defaultSloPanelOptions);
  });
});
