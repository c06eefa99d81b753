import React, { useRef } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Field, RadioButtonGroup, Text, useStyles2 } from '@grafana/ui';
import { describeSliError, errorAt, unplacedErrors } from '../../spec/sliFieldErrors';
import {
  builderQueries,
  hasQueryBuilders,
  remember,
  switchMode,
  withDatasource,
  type RememberedSources,
  type SliMode,
} from '../../spec/sliModes';
import type { DataSourceRef, Sli, SloSpec, SpecError } from '../../spec/types';
import { testIds } from '../testIds';
import { DatasourceField } from './sli/DatasourceField';
import { LatencyBuilder } from './sli/LatencyBuilder';
import { PromqlView } from './sli/PromqlView';
import { RatioBuilder } from './sli/RatioBuilder';
import { RawQueries } from './sli/RawQueries';
import { SliPreview } from './sli/SliPreview';
import { ThresholdBuilder } from './sli/ThresholdBuilder';
import { useDatasourceInstance } from './sli/useDatasourceInstance';

export interface SliStepProps {
  /** The whole SLO being edited: the preview needs its objective and alerting too. */
  slo: SloSpec;
  onChange: (sli: Sli) => void;
  /** Errors of the whole spec; the step shows those whose path starts with `sli.` at their fields. */
  errors: SpecError[];
}

const MODES: Array<{ value: SliMode; label: string; description: string }> = [
  {
    value: 'prometheusRatio',
    label: 'Ratio',
    description: 'Events of a counter that match a condition, of all its events',
  },
  { value: 'prometheusLatency', label: 'Latency', description: 'Requests of a histogram at or under a bucket bound' },
  {
    value: 'prometheusThreshold',
    label: 'Threshold',
    description: "Points of a query whose value meets a threshold (OpenSLO's thresholdMetric)",
  },
  { value: 'raw', label: 'Raw queries', description: "The datasource's own queries for the events and the total" },
];

/** Step 1 of the SLO editor: where the event counts come from, and a preview of the SLI they give. */
export function SliStep({ slo, onChange, errors }: SliStepProps) {
  const styles = useStyles2(getStyles);
  const { sli } = slo;
  const { source } = sli;
  // What the user built in the modes they left, so that switching back restores it.
  const remembered = useRef<RememberedSources>({});
  const instance = useDatasourceInstance(sli.datasource);
  const showModes = hasQueryBuilders(sli.datasource.type) || source.kind !== 'raw';
  const otherErrors = unplacedErrors(errors, source.kind);

  const setMode = (mode: SliMode) => {
    remembered.current = remember(remembered.current, sli);
    onChange(switchMode(slo, mode, remembered.current));
  };
  const setDatasource = (datasource: DataSourceRef) => {
    const kept = remember(remembered.current, sli);
    // Raw queries are in the query model of the datasource they were written for.
    remembered.current = datasource.type === sli.datasource.type ? kept : { ...kept, raw: undefined };
    onChange(withDatasource(slo, datasource));
  };

  return (
    <div className={styles.step} data-testid={testIds.sliStep.container}>
      <div className={styles.form}>
        <DatasourceField
          datasource={sli.datasource}
          error={errorAt(errors, 'sli.datasource')}
          onChange={setDatasource}
        />
        {showModes ? (
          <Field label="Query">
            <RadioButtonGroup
              aria-label="Query"
              data-testid={testIds.sliStep.mode}
              options={MODES}
              value={source.kind}
              onChange={setMode}
            />
          </Field>
        ) : (
          sli.datasource.uid !== '' && (
            <div className={styles.note} data-testid={testIds.sliStep.rawOnly}>
              <Text color="secondary">
                Query builders are for Prometheus datasources: write this datasource&apos;s queries for the events and
                the total.
              </Text>
            </div>
          )
        )}
        {source.kind === 'prometheusRatio' && (
          <RatioBuilder
            source={source}
            eventKind={sli.eventKind}
            errors={errors}
            onChange={(ratio) => onChange({ ...sli, source: ratio })}
            onEventKindChange={(eventKind) => onChange({ ...sli, eventKind })}
          />
        )}
        {source.kind === 'prometheusLatency' && (
          <LatencyBuilder
            source={source}
            errors={errors}
            onChange={(latency) => onChange({ ...sli, source: latency })}
          />
        )}
        {source.kind === 'prometheusThreshold' && (
          <ThresholdBuilder
            source={source}
            errors={errors}
            onChange={(threshold) => onChange({ ...sli, source: threshold })}
          />
        )}
        {source.kind !== 'raw' && (
          <PromqlView
            queries={builderQueries(slo)}
            eventKind={sli.eventKind}
            counts={source.kind === 'prometheusThreshold' ? 'points' : 'events'}
          />
        )}
        {source.kind === 'raw' && (
          <RawQueries sli={{ ...sli, source }} instance={instance} errors={errors} onChange={onChange} />
        )}
        {otherErrors.length > 0 && (
          <div data-testid={testIds.sliStep.otherErrors}>
            <Alert severity="error" title="Check the SLI">
              {otherErrors.map((error) => (
                <div key={`${error.path}: ${error.message}`}>{describeSliError(error)}</div>
              ))}
            </Alert>
          </div>
        )}
      </div>
      <SliPreview slo={slo} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  step: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(3) }),
  form: css({ display: 'flex', flexDirection: 'column', maxWidth: theme.breakpoints.values.md }),
  note: css({ marginBottom: theme.spacing(2) }),
});
