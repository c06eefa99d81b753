import React from 'react';
import { render, screen } from '@testing-library/react';
import { EventBusSrv, LoadingState, getDefaultTimeRange, type PanelProps } from '@grafana/data';
import { testIds } from '../../components/testIds';
import { SloPanel } from './SloPanel';
import type { SloPanelOptions } from './types';

function panelProps(options: SloPanelOptions): PanelProps<SloPanelOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { state: LoadingState.Done, series: [], timeRange },
    timeRange,
    timeZone: 'utc',
    options,
    transparent: false,
    width: 400,
    height: 300,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Checkout availability',
    eventBus: new EventBusSrv(),
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (value) => value,
    onChangeTimeRange: jest.fn(),
  };
}

describe('SloPanel', () => {
  it('names itself and states the configured objective', () => {
    render(<SloPanel {...panelProps({ target: 99.95, window: '28d' })} />);

    expect(screen.getByTestId(testIds.sloPanel.container)).toHaveTextContent('Nines SLO panel');
    expect(screen.getByTestId(testIds.sloPanel.objective)).toHaveTextContent('Objective 99.95% over 28d');
  });
});
