import { useEffect, useMemo, useState } from 'react';
import type { PanelData } from '@grafana/data';
import { runSloQueries } from '../../../query/runSloQueries';
import { previewModel, previewTimeRange, type PreviewRange } from '../../../query/sliPreview';
import type { SloPanelModel } from '../../../spec/libraryPanelModel';
import { sliProblems } from '../../../spec/sliModes';
import type { SloSpec, SpecError } from '../../../spec/types';

/** Pause after the last edit before the queries run, so that typing does not send a query per key. */
export const PREVIEW_DELAY_MS = 500;

export interface PreviewResult {
  data: PanelData;
  model: SloPanelModel;
  timeZone: string;
}

export type PreviewRun =
  /** The SLI is incomplete: its first problem. */
  | { kind: 'waiting'; problem: SpecError }
  /** Waiting for the edits to settle, or for the datasource; with the last result, if any. */
  | { kind: 'running'; previous: PreviewResult | null }
  | { kind: 'done'; result: PreviewResult };

interface Request {
  key: string;
  model: SloPanelModel;
  range: PreviewRange;
  timeZone: string;
}

/** Runs the SLO's queries over the preview range once the SLI is complete and the edits have settled. */
export function useSliPreview(slo: SloSpec, range: PreviewRange, delayMs = PREVIEW_DELAY_MS): PreviewRun {
  const problems = useMemo(() => sliProblems(slo), [slo]);
  const model = useMemo(() => (problems.length === 0 ? previewModel(slo, range) : null), [problems, slo, range]);
  const timeZone = slo.objective.timeZone;
  // Only what the queries and their evaluation depend on: other edits do not run them again.
  const key = model === null ? null : JSON.stringify([model.targets, model.options, timeZone]);

  const [settled, setSettled] = useState<Request | null>(null);
  useEffect(() => {
    if (model === null || key === null) {
      return;
    }
    const timer = setTimeout(
      () => setSettled((previous) => (previous?.key === key ? previous : { key, model, range, timeZone })),
      delayMs
    );
    return () => clearTimeout(timer);
  }, [key, model, range, timeZone, delayMs]);

  const [result, setResult] = useState<(PreviewResult & { key: string }) | null>(null);
  useEffect(() => {
    if (settled === null) {
      return;
    }
    let current = true;
    const { model: settledModel, timeZone: settledZone } = settled;
    runSloQueries({
      model: settledModel,
      range: previewTimeRange(settled.range, settledZone),
      timeZone: settledZone,
    }).then((data) => current && setResult({ key: settled.key, data, model: settledModel, timeZone: settledZone }));
    return () => {
      current = false;
    };
  }, [settled]);

  if (problems.length > 0) {
    return { kind: 'waiting', problem: problems[0] };
  }
  return result !== null && result.key === key ? { kind: 'done', result } : { kind: 'running', previous: result };
}
