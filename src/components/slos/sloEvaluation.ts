/**
 * One SLO evaluated as its library panel is on a dashboard: the panel's queries over the SLO
 * window, then the panel's own state. The list and the SLO page both call this, so they show the
 * panel's numbers.
 */
import { panelState, type PanelState } from '../../panels/slo/panelState';
import { runSloQueries, sloWindowRange } from '../../query/runSloQueries';
import { sloToLibraryPanel } from '../../spec/libraryPanel';
import type { StoredSlo } from '../../store';

/** The chart points the SLO page draws; the numbers do not depend on them. */
export const SLO_CHART_POINTS = 800;

/** The SLO's state over its window ending at `to` (epoch ms, default now). Never rejects for a failed query. */
export async function evaluateStoredSlo(stored: StoredSlo, to?: number): Promise<PanelState> {
  const { model } = sloToLibraryPanel(stored.slo, { view: stored.view });
  const { timeZone } = stored.slo.objective;
  const range = sloWindowRange(model.timeFrom, timeZone, to);
  const data = await runSloQueries({ model, range, timeZone });
  return panelState({
    data,
    options: model.options,
    timeZone,
    replaceVariables: (text) => text,
    chartPoints: SLO_CHART_POINTS,
  });
}
