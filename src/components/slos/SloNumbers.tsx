import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import type { PanelState } from '../../panels/slo/panelState';
import { AlertsView } from '../slo/AlertsView';
import { BudgetView } from '../slo/BudgetView';
import { EventCounts } from '../slo/EventCounts';
import { PanelStateMessage, type StateWording } from '../slo/PanelStateMessage';
import { SummaryView } from '../slo/SummaryView';
import { TrendView } from '../slo/TrendView';
import { testIds } from '../testIds';
import { useWidth } from './useWidth';

export interface SloNumbersProps {
  state: PanelState;
  /** Objective in percent. */
  target: number;
  timeZone: string;
  /** Called by the charts' zoom; absent where zooming makes no sense. */
  onZoom?: (from: number, to: number) => void;
}

const SLO_PAGE_WORDING: StateWording = { settings: "SLO's settings", range: 'the SLO window' };
const SUMMARY_HEIGHT = 220;
const BUDGET_HEIGHT = 260;
const TREND_HEIGHT = 300;

/** An SLO's evaluation drawn with the panel's views; the states that are not numbers as the panel has them. */
export function SloNumbers({ state, target, timeZone, onZoom }: SloNumbersProps) {
  const styles = useStyles2(getStyles);
  const [ref, width] = useWidth<HTMLDivElement>(800);

  return (
    <div ref={ref} className={styles.numbers} data-testid={testIds.sloPage.numbers}>
      <NumbersBody state={state} target={target} timeZone={timeZone} width={width} onZoom={onZoom} />
    </div>
  );
}

function NumbersBody({ state, target, timeZone, width, onZoom }: SloNumbersProps & { width: number }) {
  const styles = useStyles2(getStyles);
  switch (state.kind) {
    case 'loading':
      return <LoadingPlaceholder text="Running the SLO's queries..." />;
    case 'datasourceError':
    case 'invalidOptions':
    case 'noData':
    case 'tooFewEvents':
      return <PanelStateMessage state={state} wording={SLO_PAGE_WORDING} />;
    case 'evaluated': {
      const { evaluation } = state;
      const { events } = evaluation;
      // The budget view lays its gauge, facts and chart out in the width it is given: give it a whole row.
      const half = width;
      return (
        <>
          <div className={styles.row}>
            <section className={styles.card} aria-label="Summary" style={{ width: half, height: SUMMARY_HEIGHT }}>
              <SummaryView
                evaluation={evaluation}
                target={target}
                window={evaluation.window.key}
                width={half}
                height={SUMMARY_HEIGHT}
              />
            </section>
            <section className={styles.card} aria-label="Error budget" style={{ width: half, height: BUDGET_HEIGHT }}>
              <BudgetView
                evaluation={evaluation}
                timeZone={timeZone}
                width={half}
                height={BUDGET_HEIGHT}
                onZoom={onZoom}
              />
            </section>
          </div>
          <EventCounts testId={testIds.sloPage.events} good={events.good} bad={events.bad} total={events.total} />
          <section className={styles.card} aria-label="SLI trend" style={{ height: TREND_HEIGHT }}>
            <TrendView
              evaluation={evaluation}
              target={target}
              timeZone={timeZone}
              width={width}
              height={TREND_HEIGHT}
              onZoom={onZoom}
            />
          </section>
          <section className={styles.card} aria-label="Burn-rate alerts">
            <AlertsView evaluation={evaluation} timeZone={timeZone} />
          </section>
        </>
      );
    }
  }
}

const getStyles = (theme: GrafanaTheme2) => ({
  numbers: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), minWidth: 0 }),
  row: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2) }),
  card: css({ minWidth: 0, overflow: 'hidden' }),
});
