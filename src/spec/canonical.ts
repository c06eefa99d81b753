import { parseWindow } from '../engine';
import { DEFAULT_TIME_ZONE, defaultObjective } from './defaults';
import type { SloSpec } from './types';

/**
 * The SLO with the settings that do not change its meaning set to their defaults: the time
 * zone of a rolling window, the slice settings of a method without slices, a Timeslices slice
 * target equal to the target (0 means the target). Formats that only carry what matters (OpenSLO)
 * read back exactly this.
 */
export function canonicalSlo(slo: SloSpec): SloSpec {
  const objective = { ...slo.objective };
  const defaults = defaultObjective();
  if (parseWindow(objective.window)?.kind !== 'calendar') {
    objective.timeZone = DEFAULT_TIME_ZONE;
  }
  if (objective.budgetingMethod === 'Occurrences') {
    objective.timeSliceWindow = defaults.timeSliceWindow;
  }
  if (objective.budgetingMethod !== 'Timeslices' || objective.timeSliceTarget === objective.target) {
    objective.timeSliceTarget = defaults.timeSliceTarget;
  }
  return { ...slo, objective };
}
