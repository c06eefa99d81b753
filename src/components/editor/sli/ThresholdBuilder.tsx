import React, { useId, useState } from 'react';
import { Field, Input, RadioButtonGroup, TextArea } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { PrometheusThresholdSource, SpecError, ThresholdOp } from '../../../spec/types';
import { testIds } from '../../testIds';

export interface ThresholdBuilderProps {
  source: PrometheusThresholdSource;
  errors: SpecError[];
  onChange: (source: PrometheusThresholdSource) => void;
}

const OPS: Array<{ value: ThresholdOp; label: string; ariaLabel: string; description: string }> = [
  { value: 'lt', label: '<', ariaLabel: 'lt', description: 'Below the threshold (lt)' },
  { value: 'lte', label: '≤', ariaLabel: 'lte', description: 'At or below the threshold (lte)' },
  { value: 'gt', label: '>', ariaLabel: 'gt', description: 'Above the threshold (gt)' },
  { value: 'gte', label: '≥', ariaLabel: 'gte', description: 'At or above the threshold (gte)' },
];

/** The number typed, or NaN for nothing or what is not a number (validation then names the field). */
function parseThreshold(text: string): number {
  return text.trim() === '' ? NaN : Number(text);
}

/**
 * A query of one value per step (OpenSLO's thresholdMetric) and when a value is good: every value
 * at every query step is one point, good or bad.
 */
export function ThresholdBuilder({ source, errors, onChange }: ThresholdBuilderProps) {
  const queryId = useId();
  const thresholdId = useId();
  // The text as typed ("0." or "1e"), as long as it still means the SLI's threshold.
  const [typed, setTyped] = useState(String(source.threshold));
  const typedValue = parseThreshold(typed);
  const same = typedValue === source.threshold || (Number.isNaN(typedValue) && Number.isNaN(source.threshold));
  const thresholdText = same ? typed : String(source.threshold);
  const queryError = errorAt(errors, 'sli.source.query');
  const opError = errorAt(errors, 'sli.source.op');
  const thresholdError = errorAt(errors, 'sli.source.threshold');
  const update = (patch: Partial<PrometheusThresholdSource>) => onChange({ ...source, ...patch });

  return (
    <>
      <Field
        label="Value query"
        description="PromQL of the value to judge at every query step, e.g. a 99th percentile; each series is one point"
        invalid={queryError !== undefined}
        error={queryError}
      >
        <TextArea
          id={queryId}
          data-testid={testIds.sliStep.thresholdQuery}
          rows={3}
          placeholder="histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"
          value={source.query}
          onChange={(event) => update({ query: event.currentTarget.value })}
        />
      </Field>
      <Field label="Good when the value is" invalid={opError !== undefined} error={opError}>
        <RadioButtonGroup
          aria-label="Good when the value is"
          data-testid={testIds.sliStep.thresholdOp}
          options={OPS}
          value={source.op}
          onChange={(op) => update({ op })}
        />
      </Field>
      <Field
        label="Threshold"
        description="A number, in the unit of the value (seconds for durations)"
        invalid={thresholdError !== undefined}
        error={thresholdError}
      >
        <Input
          id={thresholdId}
          data-testid={testIds.sliStep.threshold}
          placeholder="0.3"
          value={thresholdText}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            update({ threshold: parseThreshold(event.currentTarget.value) });
          }}
        />
      </Field>
    </>
  );
}
