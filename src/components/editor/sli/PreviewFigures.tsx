import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import type { SloEvaluation } from '../../../engine';
import type { PartialData } from '../../../panels/slo/panelState';
import { previewFigures } from '../../../query/sliPreview';
import { EventCounts } from '../../slo/EventCounts';
import { formatPercent, formatSli } from '../../slo/format';
import { TrendView } from '../../slo/TrendView';
import { testIds } from '../../testIds';

export interface PreviewFiguresProps {
  evaluation: SloEvaluation;
  partial: PartialData | null;
  /** Objective in percent. */
  target: number;
  /** "the last 24 hours" */
  rangeWords: string;
  /** refIds of the queries that answered no samples while the others did. */
  silentRefIds: string[];
  timeZone: string;
  width: number;
}

const QUERY_WORDS: Record<string, string> = {
  good: 'good events query',
  bad: 'bad events query',
  total: 'total events query',
};

/** The SLI over the preview range, its event counts, and its trend against the objective. */
export function PreviewFigures(props: PreviewFiguresProps) {
  const { evaluation, partial, target, rangeWords, silentRefIds, timeZone, width } = props;
  const styles = useStyles2(getStyles);
  const chartHeight = useTheme2().spacing.gridSize * 28;
  const figures = previewFigures(evaluation.events, evaluation.sli);

  return (
    <div className={styles.container}>
      <div className={styles.headline}>
        <span className={styles.sli} data-testid={testIds.sliStep.preview.sli}>
          {formatSli(figures.sli, target)}
        </span>
        <span className={styles.secondary}>SLI over {rangeWords}</span>
      </div>
      <EventCounts
        testId={testIds.sliStep.preview.events}
        good={figures.good}
        bad={figures.bad}
        total={figures.total}
      />
      {silentRefIds.map((refId) => (
        <div key={refId} className={styles.secondary} data-testid={testIds.sliStep.preview.silent(refId)}>
          The {QUERY_WORDS[refId] ?? `query ${refId}`} returned no samples over {rangeWords}: there were none of its
          events, or it matches no series.
        </div>
      ))}
      {partial && (
        <div className={styles.secondary} data-testid={testIds.sliStep.preview.coverage}>
          The queries returned samples for {formatPercent(partial.coverage, 0)} of {rangeWords}.
        </div>
      )}
      <section aria-label="SLI trend" style={{ height: chartHeight }}>
        <TrendView evaluation={evaluation} target={target} timeZone={timeZone} width={width} height={chartHeight} />
      </section>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1.5) }),
  headline: css({ display: 'flex', alignItems: 'baseline', gap: theme.spacing(1) }),
  sli: css({ fontSize: theme.typography.h2.fontSize, fontWeight: theme.typography.fontWeightMedium }),
  secondary: css({ color: theme.colors.text.secondary }),
});
