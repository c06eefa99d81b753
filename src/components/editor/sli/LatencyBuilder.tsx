import React, { useId } from 'react';
import { Field, Input } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { PrometheusLatencySource, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';
import { SeriesFields } from './SeriesFields';

export interface LatencyBuilderProps {
  source: PrometheusLatencySource;
  errors: SpecError[];
  onChange: (source: PrometheusLatencySource) => void;
}

/** A histogram, the matchers that select its series, and the bucket at or under which a request is good. */
export function LatencyBuilder({ source, errors, onChange }: LatencyBuilderProps) {
  const thresholdId = useId();
  const thresholdError = errorAt(errors, 'sli.source.thresholdLe');
  const update = (patch: Partial<PrometheusLatencySource>) => onChange({ ...source, ...patch });

  return (
    <>
      <SeriesFields
        metricLabel="Histogram"
        metricDescription="The histogram's base name, without _bucket or _count, e.g. http_request_duration_seconds"
        metricPlaceholder="http_request_duration_seconds"
        matchersDescription='Which series count as all requests, e.g. job="checkout"'
        metric={source.metric}
        matchers={source.matchers}
        errors={errors}
        onChange={update}
      />
      <Field
        label="Threshold bucket (le)"
        description="Requests at or under this bucket bound are good; write it as the le label has it, e.g. 0.5"
        invalid={thresholdError !== undefined}
        error={thresholdError}
      >
        <Input
          id={thresholdId}
          data-testid={testIds.sliStep.thresholdLe}
          placeholder="0.5"
          value={source.thresholdLe}
          onChange={(event) => update({ thresholdLe: event.currentTarget.value.trim() })}
        />
      </Field>
    </>
  );
}
