import React from 'react';
import type { PanelState } from '../../panels/slo/panelState';
import { formatEvents } from './format';
import { StateMessage } from './StateMessage';

export type NotEvaluated = Exclude<PanelState, { kind: 'evaluated' | 'loading' }>;

/** How a state names what the user can change: the panel's options, or the SLO's settings. */
export interface StateWording {
  settings: string;
  /** Where the queries looked: "this time range", "the SLO window". */
  range: string;
}

function tooFewEventsDetail(total: number, minEvents: number): string {
  return total === 0
    ? 'No events in the SLO window yet: an SLI needs at least one.'
    : `${formatEvents(total)} events in the SLO window; at least ${formatEvents(minEvents)} are needed (Alerting → Minimum events).`;
}

/** The states the panel and the SLO page show instead of numbers, in the same words. */
export function PanelStateMessage({ state, wording }: { state: NotEvaluated; wording: StateWording }) {
  switch (state.kind) {
    case 'datasourceError':
      return <StateMessage tone="error" icon="exclamation-triangle" title="The query failed" detail={state.message} />;
    case 'invalidOptions':
      return <StateMessage tone="warning" icon="cog" title={`Check the ${wording.settings}`} detail={state.message} />;
    case 'noData':
      return (
        <StateMessage
          tone="info"
          icon="info-circle"
          title="No data"
          detail={`The queries returned no samples in ${wording.range}.`}
        />
      );
    case 'tooFewEvents':
      return (
        <StateMessage
          tone="info"
          icon="info-circle"
          title="Too few events"
          detail={tooFewEventsDetail(state.total, state.minEvents)}
        />
      );
  }
}
