import React from 'react';
import type { DataSourceApi } from '@grafana/data';
import { Field, RadioButtonGroup } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { RawSource, Sli, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';
import { EventKindField } from './EventKindField';
import { RawQueryField } from './RawQueryField';

const EVENT_KINDS = [
  { value: 'good' as const, label: 'Good events' },
  { value: 'bad' as const, label: 'Bad events' },
];

const VALUE_KINDS = [
  {
    value: 'counter' as const,
    label: 'Counters',
    description: 'Running totals that only grow, except when they reset (Prometheus counters)',
  },
  {
    value: 'increment' as const,
    label: 'Counts per interval',
    description: 'Each value is the number of events since the previous one (count_over_time, SQL counts)',
  },
];

export interface RawQueriesProps {
  sli: Sli & { source: RawSource };
  instance: DataSourceApi | null;
  errors: SpecError[];
  onChange: (sli: Sli) => void;
}

/** The event and total queries in the datasource's own query model, and how to read their values. */
export function RawQueries({ sli, instance, errors, onChange }: RawQueriesProps) {
  const { source, eventKind } = sli;
  const valueKindError = errorAt(errors, 'sli.valueKind');
  const setSource = (patch: Partial<RawSource>) => onChange({ ...sli, source: { ...source, ...patch } });
  const eventLabel = eventKind === 'good' ? 'Good events query' : 'Bad events query';
  // A new datasource brings a new query model: start its fields afresh.
  const key = `${sli.datasource.uid}/${sli.datasource.type}`;

  return (
    <>
      <EventKindField
        label="The event query counts"
        options={EVENT_KINDS}
        eventKind={eventKind}
        errors={errors}
        onChange={(kind) => onChange({ ...sli, eventKind: kind })}
      />
      <RawQueryField
        key={`event/${key}`}
        label={eventLabel}
        description={`The number of ${eventKind} events over time`}
        refId={eventKind}
        datasource={sli.datasource}
        instance={instance}
        query={source.eventQuery}
        error={errorAt(errors, 'sli.source.eventQuery')}
        testId={testIds.sliStep.rawQuery('event')}
        onChange={(eventQuery) => setSource({ eventQuery })}
      />
      <RawQueryField
        key={`total/${key}`}
        label="Total events query"
        description="The number of all events over time"
        refId="total"
        datasource={sli.datasource}
        instance={instance}
        query={source.totalQuery}
        error={errorAt(errors, 'sli.source.totalQuery')}
        testId={testIds.sliStep.rawQuery('total')}
        onChange={(totalQuery) => setSource({ totalQuery })}
      />
      <Field label="Values are" invalid={valueKindError !== undefined} error={valueKindError}>
        <RadioButtonGroup
          aria-label="Values are"
          data-testid={testIds.sliStep.valueKind}
          options={VALUE_KINDS}
          value={sli.valueKind}
          onChange={(valueKind) => onChange({ ...sli, valueKind })}
        />
      </Field>
    </>
  );
}
