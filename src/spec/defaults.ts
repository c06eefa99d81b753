import { defaultSloPanelOptions } from '../panels/slo/types';
import type { SloAlerting, SloObjective, SloSpec } from './types';

/** Calendar windows are in UTC unless the SLO names another IANA time zone. */
export const DEFAULT_TIME_ZONE = 'UTC';

/** The panel's default objective (99.9% over 30 days, counting occurrences) in UTC. */
export function defaultObjective(): SloObjective {
  return { ...defaultSloPanelOptions.objective, timeZone: DEFAULT_TIME_ZONE };
}

/** The SRE Workbook's four tiers, as the panel stores them. */
export function defaultAlerting(): SloAlerting {
  const { tiers, minEvents } = defaultSloPanelOptions.alerting;
  return { tiers: tiers.map((tier) => ({ ...tier })), minEvents };
}

/**
 * A new SLO as the editor starts it: a Prometheus ratio of good events over total events with
 * the default objective and alerting. Fresh objects each time, so callers may mutate them.
 */
export function newSloSpec(): SloSpec {
  return {
    uid: '',
    name: '',
    description: '',
    service: '',
    team: '',
    labels: {},
    runbookUrl: '',
    folderUid: '',
    sli: {
      datasource: { uid: '', type: 'prometheus' },
      eventKind: 'good',
      valueKind: 'counter',
      source: { kind: 'prometheusRatio', metric: '', matchers: [], eventMatchers: [], groupBy: [] },
    },
    objective: defaultObjective(),
    alerting: defaultAlerting(),
  };
}
