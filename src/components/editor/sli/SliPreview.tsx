import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { LoadingPlaceholder, RadioButtonGroup, Text, useStyles2 } from '@grafana/ui';
import { panelState, type PanelState } from '../../../panels/slo/panelState';
import { silentQueries, type PreviewRange } from '../../../query/sliPreview';
import { describeSliError } from '../../../spec/sliFieldErrors';
import type { SloSpec } from '../../../spec/types';
import { PanelStateMessage } from '../../slo/PanelStateMessage';
import { StateMessage } from '../../slo/StateMessage';
import { useWidth } from '../../slos/useWidth';
import { testIds } from '../../testIds';
import { PreviewFigures } from './PreviewFigures';
import { useSliPreview, type PreviewResult } from './useSliPreview';

const RANGES: Array<{ value: PreviewRange; label: string; words: string }> = [
  { value: '24h', label: 'Last 24 hours', words: 'the last 24 hours' },
  { value: '7d', label: 'Last 7 days', words: 'the last 7 days' },
];

function evaluate(result: PreviewResult | null, chartPoints: number): PanelState | null {
  return result === null
    ? null
    : panelState({
        data: result.data,
        options: result.model.options,
        timeZone: result.timeZone,
        replaceVariables: (text) => text,
        chartPoints,
      });
}

/** The SLI's queries run over the last 24 hours or 7 days, evaluated as the SLO's panel would. */
export function SliPreview({ slo }: { slo: SloSpec }) {
  const styles = useStyles2(getStyles);
  const [range, setRange] = useState<PreviewRange>('24h');
  const run = useSliPreview(slo, range);
  const [ref, width] = useWidth<HTMLDivElement>(600);
  const shown = run.kind === 'done' ? run.result : run.kind === 'running' ? run.previous : null;
  const state = useMemo(() => evaluate(shown, width), [shown, width]);
  // The words of the range the shown result ran over: the other range may still be running.
  const shownWindow = shown?.model.options.objective.window ?? range;
  const rangeWords = RANGES.find((option) => option.value === shownWindow)?.words ?? shownWindow;

  return (
    <section ref={ref} className={styles.preview} aria-label="Preview" data-testid={testIds.sliStep.preview.container}>
      <div className={styles.header}>
        <Text element="h4">Preview</Text>
        <RadioButtonGroup
          aria-label="Preview range"
          data-testid={testIds.sliStep.preview.range}
          size="sm"
          options={RANGES}
          value={range}
          onChange={setRange}
        />
      </div>
      {run.kind === 'waiting' && (
        <div data-testid={testIds.sliStep.preview.waiting}>
          <StateMessage
            tone="info"
            icon="info-circle"
            title="The preview runs the queries once the SLI is complete"
            detail={slo.sli.datasource.uid === '' ? 'Datasource: choose one.' : describeSliError(run.problem)}
          />
        </div>
      )}
      {run.kind === 'running' && (
        <div data-testid={testIds.sliStep.preview.loading}>
          <LoadingPlaceholder text={shown ? 'Updating the preview...' : 'Running the queries...'} />
        </div>
      )}
      {run.kind !== 'waiting' && shown && state && (
        <div className={run.kind === 'running' ? styles.stale : undefined}>
          {state.kind === 'evaluated' ? (
            <PreviewFigures
              evaluation={state.evaluation}
              partial={state.partial}
              target={shown.model.options.objective.target}
              rangeWords={rangeWords}
              silentRefIds={silentQueries(
                shown.data,
                shown.model.targets.map((target) => target.refId)
              )}
              timeZone={shown.timeZone}
              width={width}
            />
          ) : state.kind === 'loading' ? null : (
            <PanelStateMessage state={state} wording={{ settings: 'SLI', range: rangeWords }} />
          )}
        </div>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  preview: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    minWidth: 0,
  }),
  header: css({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: theme.spacing(2) }),
  stale: css({ opacity: 0.6 }),
});
