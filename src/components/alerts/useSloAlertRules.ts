import { useCallback, useMemo } from 'react';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { type GrafanaRulesResult, sloGrafanaRules } from '../../prometheus';
import type { SloSpec } from '../../spec/types';
import { alertRulesStatus, findSloAlertRules, type AlertRulesStatus, type StoredAlertRules } from '../../store';
import { type StoreLoad, useStoreLoad } from '../slos/useLoaded';

export interface SloAlertRules {
  /** The group Nines would write now, or why there is none. */
  generated: GrafanaRulesResult;
  /** Grafana cannot evaluate rules on the SLO's datasource: its name, to say so. */
  noAlerting?: string;
  stored: StoreLoad<StoredAlertRules | null>;
  status?: AlertRulesStatus;
  reload: () => void;
}

/** The SLO's Grafana-managed rules: what Nines would write, what Grafana holds, and how they compare. */
export function useSloAlertRules(slo: SloSpec): SloAlertRules {
  const generated = useMemo(() => sloGrafanaRules(slo, { grafanaUrl: config.appUrl }), [slo]);
  const load = useCallback(() => findSloAlertRules(slo.uid), [slo.uid]);
  const { state: stored, retry } = useStoreLoad(load);
  const datasource = getDataSourceSrv().getInstanceSettings(slo.sli.datasource.uid);
  // An unknown datasource is left to Grafana, which names the problem when the rules are saved.
  const noAlerting = datasource && datasource.meta.alerting !== true ? datasource.name : undefined;
  const status = generated.ok && stored.kind === 'loaded' ? alertRulesStatus(generated.group, stored.value) : undefined;
  return { generated, noAlerting, stored, status, reload: retry };
}
