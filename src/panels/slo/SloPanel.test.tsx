import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { LoadingState } from '@grafana/data';
import { TRAFFIC, lokiCountOverTime, prometheusCounters, sqlLong, testDataCsv } from '../../query/testing';
import { testIds } from '../../components/testIds';
import { AT, burning, calm, hourlyFrames, panelData, panelProps, withOptions } from './panelFixtures';
import { SloPanel } from './SloPanel';

const DAY = 86_400_000;

describe('SloPanel: summary', () => {
  it('shows the SLI against the objective, the budget left, the burn rate and that nothing fires', () => {
    render(<SloPanel {...panelProps(withOptions({ view: 'summary' }), panelData(calm()))} />);

    expect(screen.getByTestId(testIds.summary.sli)).toHaveTextContent('99.95%');
    expect(screen.getByTestId(testIds.summary.objective)).toHaveTextContent('SLI over 30 days · objective 99.9% met');
    expect(screen.getByTestId(testIds.summary.budget)).toHaveTextContent('50.0% budget left');
    expect(screen.getByTestId(testIds.summary.burnRate)).toHaveTextContent('0.00x burn rate (1h)');
    expect(screen.getByTestId(testIds.summary.alert)).toHaveTextContent('No alert firing');
  });

  it('names the firing tier a person should act on first', () => {
    render(<SloPanel {...panelProps(withOptions({ view: 'summary' }), panelData(burning()))} />);

    expect(screen.getByTestId(testIds.summary.sli)).toHaveTextContent('99.95%');
    expect(screen.getByTestId(testIds.summary.burnRate)).toHaveTextContent('360x burn rate (1h)');
    expect(screen.getByTestId(testIds.summary.alert)).toHaveTextContent('Page firing: 1h/5m at 360x');
  });

  it('is a single stat in a small panel', () => {
    render(
      <SloPanel {...panelProps(withOptions({ view: 'summary' }), panelData(calm()), { width: 200, height: 100 })} />
    );

    expect(screen.getByTestId(testIds.summary.sli)).toHaveTextContent('99.95%');
    expect(screen.getByTestId(testIds.summary.budget)).toHaveTextContent('50.0% budget left');
    expect(screen.queryByTestId(testIds.summary.alert)).not.toBeInTheDocument();
  });

  it('says when the objective is missed', () => {
    render(<SloPanel {...panelProps(withOptions({ objective: { target: 99.99 } }), panelData(calm()))} />);

    expect(screen.getByTestId(testIds.summary.objective)).toHaveTextContent('objective 99.99% missed');
    expect(screen.getByTestId(testIds.summary.budget)).toHaveTextContent('-400.0% budget left');
  });

  it('links to the SLO page when the panel is an SLO of the app', () => {
    render(
      <MemoryRouter>
        <SloPanel {...panelProps(withOptions({ sloUid: 'checkout-availability' }), panelData(calm()))} />
      </MemoryRouter>
    );

    expect(
      within(screen.getByTestId(testIds.sloPanel.sloLink)).getByRole('link', { name: /open slo/i })
    ).toHaveAttribute('href', '/a/nines-slo-app/slos/checkout-availability');
  });
});

describe('SloPanel: SLI trend', () => {
  it('draws the SLI against the objective with the firing tiers in the legend', () => {
    render(<SloPanel {...panelProps(withOptions({ view: 'trend' }), panelData(burning()))} />);

    expect(screen.getByRole('img', { name: 'SLI over time against the objective 99.9%' })).toBeInTheDocument();
    expect(screen.getByTestId(testIds.trend.legend)).toHaveTextContent(
      'SLI Objective 99.9% Below objective page 1h/5m page 6h/30m ticket 1d/2h ticket 3d/6h'
    );
    // The last hour is below the objective and every tier fired in it.
    expect(screen.getByText('SLI below the objective')).toBeInTheDocument();
    expect(screen.getByText('page 1h/5m fired')).toBeInTheDocument();
  });

  it('shows the events of a bucket in the tooltip', () => {
    render(
      <SloPanel {...panelProps(withOptions({ view: 'trend' }), panelData(calm()), { width: 800, height: 400 })} />
    );

    fireEvent.mouseMove(screen.getByTestId(testIds.timeChart.plot), { clientX: 720 });
    const tooltip = screen.getByTestId(testIds.timeChart.tooltip);
    expect(tooltip).toHaveTextContent('Good events');
    expect(tooltip).toHaveTextContent('Total events');
  });

  it('zooms the dashboard to the span dragged over the chart', () => {
    const props = panelProps(withOptions({ view: 'trend' }), panelData(calm()));
    render(<SloPanel {...props} />);

    const plot = screen.getByTestId(testIds.timeChart.plot);
    fireEvent.mouseDown(plot, { clientX: 100 });
    fireEvent.mouseMove(plot, { clientX: 400 });
    fireEvent.mouseUp(plot, { clientX: 400 });

    expect(props.onChangeTimeRange).toHaveBeenCalledTimes(1);
    const [range] = jest.mocked(props.onChangeTimeRange).mock.calls[0];
    expect(range.from).toBeLessThan(range.to);
    expect(range.from).toBeGreaterThanOrEqual(AT - 30 * DAY);
    expect(range.to).toBeLessThanOrEqual(AT);
  });
});

describe('SloPanel: error budget', () => {
  it('shows the gauge, allowed and spent bad events, and the time to exhaustion', () => {
    render(<SloPanel {...panelProps(withOptions({ view: 'budget' }), panelData(burning()))} />);

    expect(screen.getByRole('meter', { name: '50.0% budget left' })).toBeInTheDocument();
    expect(screen.getByTestId(testIds.budget.gauge)).toHaveTextContent('Healthy');
    expect(screen.getByTestId(testIds.budget.allowed)).toHaveTextContent('720');
    expect(screen.getByTestId(testIds.budget.spent)).toHaveTextContent('360 (50.0%)');
    // 360 bad events an hour spend the 360 left in one hour.
    expect(screen.getByTestId(testIds.budget.exhaustion)).toHaveTextContent('Exhausted in 1 hour at the 1h burn rate');
    expect(screen.getByRole('img', { name: 'Error budget left over time (burndown)' })).toBeInTheDocument();
  });

  it('says when nothing burns, and reads an overspent budget as exhausted', () => {
    const { unmount } = render(<SloPanel {...panelProps(withOptions({ view: 'budget' }), panelData(calm()))} />);
    expect(screen.getByTestId(testIds.budget.exhaustion)).toHaveTextContent('Not burning');
    unmount();

    render(
      <SloPanel {...panelProps(withOptions({ view: 'budget', objective: { target: 99.99 } }), panelData(calm()))} />
    );
    expect(screen.getByTestId(testIds.budget.gauge)).toHaveTextContent('-400.0%');
    expect(screen.getByTestId(testIds.budget.gauge)).toHaveTextContent('Exhausted');
    expect(screen.getByTestId(testIds.budget.exhaustion)).toHaveTextContent('Budget exhausted');
  });
});

describe('SloPanel: burn-rate alerts', () => {
  it('lists every tier with its windows, factor, burn rates, share, state and when it last fired', () => {
    render(<SloPanel {...panelProps(withOptions({ view: 'alerts' }), panelData(burning()))} />);

    const cells = (index: number) =>
      within(screen.getByTestId(testIds.alerts.row(index)))
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(cells(0)).toEqual([
      'Page',
      '1h',
      '5m',
      '14.4x',
      '360x',
      '360x',
      '2.0%',
      'Firing',
      'Firing since 2026-11-26 12:00:00',
    ]);
    expect(cells(3)).toEqual([
      'Ticket',
      '3d',
      '6h',
      '1.00x',
      '5.00x',
      '60.0x',
      '10.0%',
      'Firing',
      'Firing since 2026-11-26 12:00:00',
    ]);
  });

  it('says when a tier last fired, and leaves disabled tiers out', () => {
    const options = withOptions({
      view: 'alerts',
      alerting: {
        tiers: [
          { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetShare: 2, enabled: true },
          { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetShare: 5, enabled: false },
        ],
        minEvents: 0,
      },
    });
    // The burst happened 3 hours ago: the 1h tier fired for that hour and stopped.
    render(
      <SloPanel
        {...panelProps(options, panelData(hourlyFrames(720, 1000, (hoursAgo) => (hoursAgo === 3 ? 360 : 0))))}
      />
    );

    expect(screen.getAllByRole('row')).toHaveLength(2);
    const cells = within(screen.getByTestId(testIds.alerts.row(0))).getAllByRole('cell');
    expect(cells[7]).toHaveTextContent('OK');
    // Over hourly samples the short window (5m) is read over the hour, as the long one: both stop
    // burning when the 10:00 sample ends the hour of the bad events of 09:00.
    expect(cells[8]).toHaveTextContent('2026-11-26 10:00:00');
  });

  it('says that windows shorter than the data step are read over it, only when some are', () => {
    const { unmount } = render(<SloPanel {...panelProps(withOptions({ view: 'alerts' }), panelData(burning()))} />);
    expect(screen.getByTestId(testIds.alerts.dataStepNote)).toHaveTextContent(
      "Windows shorter than the data's 1h step are read over 1h."
    );
    unmount();

    const hourAndLonger = withOptions({
      view: 'alerts',
      alerting: {
        tiers: [{ severity: 'ticket', longWindow: '1d', shortWindow: '1h', budgetShare: 10, enabled: true }],
        minEvents: 0,
      },
    });
    render(<SloPanel {...panelProps(hourAndLonger, panelData(burning()))} />);
    expect(screen.getByTestId(testIds.alerts.row(0))).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.alerts.dataStepNote)).not.toBeInTheDocument();
  });
});

describe('SloPanel: states instead of numbers', () => {
  const stateText = () => screen.getByTestId(testIds.sloPanel.state).textContent;

  it('shows the datasource error', () => {
    const data = panelData([], {
      state: LoadingState.Error,
      errors: [{ refId: 'B', message: 'bad_data: parse error at char 5' }],
    });
    render(<SloPanel {...panelProps(withOptions({}), data)} />);

    expect(screen.getByRole('alert')).toHaveTextContent('The query failed');
    expect(stateText()).toContain('Query B: bad_data: parse error at char 5');
  });

  it('names the option that is wrong', () => {
    const { rerender } = render(
      <SloPanel {...panelProps(withOptions({ objective: { target: 100 } }), panelData(calm()))} />
    );
    expect(stateText()).toContain('Check the panel options');
    expect(stateText()).toContain('Objective → Target (%): must be between 0 and 100, e.g. 99.9, got 100');

    rerender(<SloPanel {...panelProps(withOptions({ objective: { window: '30 days' } }), panelData(calm()))} />);
    expect(stateText()).toContain('Objective → Window: must be a rolling duration');

    rerender(<SloPanel {...panelProps(withOptions({ queries: { totalRefId: 'C' } }), panelData(calm()))} />);
    expect(stateText()).toContain('Total query');
    expect(stateText()).toContain('"C"');

    const tiers = [{ severity: 'page' as const, longWindow: '5m', shortWindow: '1h', budgetShare: 2, enabled: true }];
    rerender(<SloPanel {...panelProps(withOptions({ alerting: { tiers, minEvents: 0 } }), panelData(calm()))} />);
    expect(stateText()).toContain('Alerting → Alert tier 1 → Short window: must be shorter than the long window (5m)');
  });

  it('shows nothing, not "No data", while the first answer is loading', () => {
    render(<SloPanel {...panelProps(withOptions({}), panelData([], { state: LoadingState.Loading }))} />);
    expect(screen.queryByTestId(testIds.sloPanel.state)).not.toBeInTheDocument();
    expect(screen.getByTestId(testIds.sloPanel.container)).toBeEmptyDOMElement();
  });

  it('shows "No data" when the queries return no samples', () => {
    render(<SloPanel {...panelProps(withOptions({}), panelData(hourlyFrames(0, 1000, () => 0)))} />);
    expect(stateText()).toContain('No data');
  });

  it('shows "Too few events" when the window holds no events, or fewer than the minimum', () => {
    const { rerender } = render(
      <SloPanel {...panelProps(withOptions({}), panelData(hourlyFrames(720, 0, () => 0)))} />
    );
    expect(stateText()).toContain('Too few events');
    expect(stateText()).toContain('No events in the SLO window yet');

    rerender(<SloPanel {...panelProps(withOptions({ alerting: { minEvents: 1_000_000 } }), panelData(calm()))} />);
    expect(stateText()).toContain('720,000 events in the SLO window; at least 1,000,000 are needed');
    expect(screen.queryByTestId(testIds.summary.sli)).not.toBeInTheDocument();
  });

  it('says how much of the window the data covers, and how to query all of it', () => {
    render(
      <SloPanel
        {...panelProps(
          withOptions({}),
          panelData(
            hourlyFrames(72, 1000, () => 0),
            {},
            AT - 3 * DAY
          )
        )}
      />
    );

    expect(screen.getByTestId(testIds.sloPanel.partialData)).toHaveTextContent(
      'Data covers 10.0% of the 30 days window, so budget numbers count only what was queried. ' +
        'To query the whole window, set Query options → Relative time to 30d.'
    );
    expect(screen.getByTestId(testIds.summary.sli)).toHaveTextContent('100.00%');
  });

  it('suggests the calendar period as relative time for a calendar window', () => {
    render(
      <SloPanel
        {...panelProps(
          withOptions({ objective: { window: 'calendar:month' } }),
          panelData(hourlyFrames(72, 1000, () => 0))
        )}
      />
    );
    expect(screen.getByTestId(testIds.sloPanel.partialData)).toHaveTextContent('Relative time to now/M');
  });
});

describe('SloPanel: options', () => {
  it('applies template variables to the window and the query names', () => {
    const props = panelProps(
      withOptions({ objective: { window: '$window' }, queries: { totalRefId: '$total' } }),
      panelData(calm())
    );
    const variables: Record<string, string> = { $window: '7d', $total: 'B' };
    props.replaceVariables = (text) => variables[text] ?? text;
    render(<SloPanel {...props} />);

    expect(screen.getByTestId(testIds.summary.objective)).toHaveTextContent('SLI over 7 days');
  });

  it('reads a bad-events query', () => {
    const frames = calm();
    const bad = frames[0];
    // Turn the good counts into bad ones: 1000 - good.
    const values = bad.fields[1].values.map((good: number) => 1000 - good);
    const badFrames = [{ ...bad, fields: [bad.fields[0], { ...bad.fields[1], values }] }, frames[1]];
    render(<SloPanel {...panelProps(withOptions({ queries: { eventKind: 'bad' } }), panelData(badFrames))} />);

    expect(screen.getByTestId(testIds.summary.sli)).toHaveTextContent('99.95%');
    expect(screen.getByTestId(testIds.summary.budget)).toHaveTextContent('50.0% budget left');
  });
});

describe('SloPanel: answers of any datasource', () => {
  it.each([
    ['Prometheus', prometheusCounters],
    ['Loki', lokiCountOverTime],
    ['a SQL database', sqlLong],
    ['TestData CSV content', testDataCsv],
  ])('shows the same numbers for %s', (_, fixture) => {
    const options = withOptions({
      objective: { target: 99.5, window: '1h' },
      queries: fixture.mapping,
    });
    expect(TRAFFIC.at).toBe(AT);
    render(<SloPanel {...panelProps(options, panelData(fixture.frames(), {}, AT - 3_600_000))} />);

    expect(screen.getByTestId(testIds.summary.sli)).toHaveTextContent('99.90%');
    expect(screen.getByTestId(testIds.summary.budget)).toHaveTextContent('80.0% budget left');
  });
});
