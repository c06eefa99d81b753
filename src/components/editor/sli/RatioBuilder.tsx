import React, { useId } from 'react';
import { Field, TagsInput } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { PrometheusRatioSource, Sli, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';
import { EventKindField } from './EventKindField';
import { MatchersEditor } from './MatchersEditor';
import { SeriesFields } from './SeriesFields';

const EVENT_KINDS = [
  { value: 'good' as const, label: 'Good' },
  { value: 'bad' as const, label: 'Bad' },
];

export interface RatioBuilderProps {
  source: PrometheusRatioSource;
  eventKind: Sli['eventKind'];
  errors: SpecError[];
  onChange: (source: PrometheusRatioSource) => void;
  onEventKindChange: (eventKind: Sli['eventKind']) => void;
}

/** A counter of all events, the matchers that select them, and the condition that tells good (or bad) ones. */
export function RatioBuilder({ source, eventKind, errors, onChange, onEventKindChange }: RatioBuilderProps) {
  const groupById = useId();
  const groupByError = errorAt(errors, 'sli.source.groupBy');
  const update = (patch: Partial<PrometheusRatioSource>) => onChange({ ...source, ...patch });

  return (
    <>
      <SeriesFields
        metricLabel="Metric"
        metricDescription="The counter of all events, e.g. http_requests_total"
        metricPlaceholder="http_requests_total"
        matchersDescription='Which series count as all events, e.g. job="checkout"'
        metric={source.metric}
        matchers={source.matchers}
        errors={errors}
        onChange={update}
      />
      <MatchersEditor
        list="eventMatchers"
        label="Condition"
        description='What sets the counted events apart from all events, e.g. code=~"5.."'
        rowName="Condition"
        matchers={source.eventMatchers}
        onChange={(eventMatchers) => update({ eventMatchers })}
        errors={errors}
      />
      <EventKindField
        label="Events matching the condition are"
        options={EVENT_KINDS}
        eventKind={eventKind}
        errors={errors}
        onChange={onEventKindChange}
      />
      <Field
        label="Group by"
        description="Labels the recording rules and alerts keep, e.g. route (optional); press Enter after each"
        invalid={groupByError !== undefined}
        error={groupByError}
      >
        <>
          <div data-testid={testIds.sliStep.groupBy}>
            <TagsInput
              id={groupById}
              placeholder="Add a label"
              tags={source.groupBy}
              invalid={groupByError !== undefined}
              onChange={(groupBy) => update({ groupBy: groupBy.map((label) => label.trim()) })}
            />
          </div>
        </>
      </Field>
    </>
  );
}
