import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { StandardEditorsRegistryItem } from '@grafana/data';
import { testIds } from '../../components/testIds';
import { AlertTiersEditor } from './AlertTiersEditor';
import { defaultAlertTierOptions, type AlertTierOption } from './types';

const item: StandardEditorsRegistryItem<AlertTierOption[]> = {
  id: 'alertTiers',
  name: 'Alert tiers',
  editor: AlertTiersEditor,
};

function renderEditor(value: AlertTierOption[]) {
  const onChange = jest.fn();
  render(<AlertTiersEditor value={value} onChange={onChange} item={item} context={{ data: [] }} />);
  return onChange;
}

describe('AlertTiersEditor', () => {
  it('shows every tier with its severity, windows, budget share and switch', () => {
    renderEditor(defaultAlertTierOptions);

    expect(screen.getAllByRole('group')).toHaveLength(4);
    expect(screen.getByLabelText('Alert tier 1 long window')).toHaveValue('1h');
    expect(screen.getByLabelText('Alert tier 1 short window')).toHaveValue('5m');
    expect(screen.getByLabelText('Alert tier 4 budget share (%)')).toHaveValue(10);
    expect(screen.getByLabelText('Alert tier 3 enabled')).toBeChecked();
  });

  it('edits a window, disables a tier and removes one, leaving the others as they were', () => {
    const onChange = renderEditor(defaultAlertTierOptions);

    fireEvent.change(screen.getByLabelText('Alert tier 2 long window'), { target: { value: '12h' } });
    expect(onChange).toHaveBeenLastCalledWith([
      defaultAlertTierOptions[0],
      { ...defaultAlertTierOptions[1], longWindow: '12h' },
      ...defaultAlertTierOptions.slice(2),
    ]);

    fireEvent.click(screen.getByLabelText('Alert tier 1 enabled'));
    expect(onChange).toHaveBeenLastCalledWith([
      { ...defaultAlertTierOptions[0], enabled: false },
      ...defaultAlertTierOptions.slice(1),
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove alert tier 3' }));
    expect(onChange).toHaveBeenLastCalledWith([...defaultAlertTierOptions.slice(0, 2), defaultAlertTierOptions[3]]);
  });

  it('adds a tier and resets to the defaults', () => {
    const onChange = renderEditor([]);

    fireEvent.click(screen.getByTestId(testIds.alertTiersEditor.add));
    expect(onChange).toHaveBeenLastCalledWith([
      { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 10, enabled: true },
    ]);

    fireEvent.click(screen.getByTestId(testIds.alertTiersEditor.reset));
    expect(onChange).toHaveBeenLastCalledWith(defaultAlertTierOptions);
  });
});
