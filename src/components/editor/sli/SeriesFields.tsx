import React, { useId } from 'react';
import { Field, Input } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { LabelMatcher, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';
import { MatchersEditor } from './MatchersEditor';

export interface SeriesFieldsProps {
  /** What the metric is called in this builder, e.g. Metric or Histogram. */
  metricLabel: string;
  metricDescription: string;
  metricPlaceholder: string;
  matchersDescription: string;
  metric: string;
  matchers: LabelMatcher[];
  errors: SpecError[];
  onChange: (patch: { metric?: string; matchers?: LabelMatcher[] }) => void;
}

/** The metric name and the label matchers that select its series, which the ratio and latency builders share. */
export function SeriesFields(props: SeriesFieldsProps) {
  const { metric, matchers, errors, onChange } = props;
  const metricId = useId();
  const metricError = errorAt(errors, 'sli.source.metric');

  return (
    <>
      <Field
        label={props.metricLabel}
        description={props.metricDescription}
        invalid={metricError !== undefined}
        error={metricError}
      >
        <Input
          id={metricId}
          data-testid={testIds.sliStep.metric}
          placeholder={props.metricPlaceholder}
          value={metric}
          onChange={(event) => onChange({ metric: event.currentTarget.value.trim() })}
        />
      </Field>
      <MatchersEditor
        list="matchers"
        label="Label matchers"
        description={props.matchersDescription}
        rowName="Matcher"
        matchers={matchers}
        onChange={(next) => onChange({ matchers: next })}
        errors={errors}
      />
    </>
  );
}
