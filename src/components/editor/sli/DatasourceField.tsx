import React from 'react';
import { Field } from '@grafana/ui';
import { DataSourcePicker } from '@grafana/runtime';
import type { DataSourceRef } from '../../../spec/types';
import { testIds } from '../../testIds';

export interface DatasourceFieldProps {
  datasource: DataSourceRef;
  error: string | undefined;
  onChange: (datasource: DataSourceRef) => void;
}

/** Grafana's datasource picker over the datasources that answer metric queries. */
export function DatasourceField({ datasource, error, onChange }: DatasourceFieldProps) {
  return (
    <Field
      label="Datasource"
      description="Where the event counts come from; Prometheus gets query builders, every datasource raw queries"
      invalid={error !== undefined}
      error={error}
    >
      {/* A fragment: Field gives its child element `invalid`, which a div does not take. */}
      <>
        <div data-testid={testIds.sliStep.datasource}>
          <DataSourcePicker
            metrics
            // A new SLO has no datasource yet: show the placeholder, not Grafana's default one.
            noDefault
            current={datasource.uid === '' ? null : datasource.uid}
            invalid={error !== undefined}
            onChange={(settings) => onChange({ uid: settings.uid, type: settings.type })}
          />
        </div>
      </>
    </Field>
  );
}
