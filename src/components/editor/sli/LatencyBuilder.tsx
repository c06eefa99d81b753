import React, { useId } from 'react';
import { Field, Input } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { PrometheusLatencySource, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';
import { MatchersEditor } from './MatchersEditor';

export interface LatencyBuilderProps {
  source: PrometheusLatencySource;
  errors: SpecError[];
  onChange: (source: PrometheusLatencySource) => void;
}

/** A histogram, the matchers that select its series, and the bucket at or under which a request is good. */
export function LatencyBuilder({ source, errors, onChange }: LatencyBuilderProps) {
  const metricId = useId();
  const thresholdId = useId();
  const metricError = errorAt(errors, 'sli.source.metric');
  const thresholdError = errorAt(errors, 'sli.source.thresholdLe');
  const update = (patch: Partial<PrometheusLatencySource>) => onChange({ ...source, ...patch });

  return (
    <>
      <Field
        label="Histogram"
        description="The histogram's base name, without _bucket or _count, e.g. http_request_duration_seconds"
        invalid={metricError !== undefined}
        error={metricError}
      >
        <Input
          id={metricId}
          data-testid={testIds.sliStep.metric}
          placeholder="http_request_duration_seconds"
          value={source.metric}
          onChange={(event) => update({ metric: event.currentTarget.value.trim() })}
        />
      </Field>
      <MatchersEditor
        list="matchers"
        label="Label matchers"
        description='Which series count as all requests, e.g. job="checkout"'
        rowName="Matcher"
        matchers={source.matchers}
        onChange={(matchers) => update({ matchers })}
        errors={errors}
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
