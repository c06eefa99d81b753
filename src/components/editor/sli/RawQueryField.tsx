import React, { useId, useState } from 'react';
import { CoreApp, type DataSourceApi } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';
import { Field, TextArea } from '@grafana/ui';
import { rawQueryFromJson, rawQueryToJson } from '../../../spec/rawQueryJson';
import type { UnknownRecord } from '../../../spec/read';
import { usesExprField } from '../../../spec/sliModes';
import type { DataSourceRef } from '../../../spec/types';

export interface RawQueryFieldProps {
  label: string;
  description: string;
  /** The refId the SLO gives this query (good, bad or total). */
  refId: string;
  datasource: DataSourceRef;
  /** The datasource's frontend, when it has loaded. */
  instance: DataSourceApi | null;
  query: UnknownRecord;
  error: string | undefined;
  testId: string;
  onChange: (query: UnknownRecord) => void;
}

/** The query model without what the SLO sets on every query itself. */
function queryModel({ refId, datasource, ...query }: DataQuery): UnknownRecord {
  return query;
}

/**
 * One raw query: in the datasource's own query editor when it has one, else as its expr text, or
 * as its query model in JSON.
 */
export function RawQueryField(props: RawQueryFieldProps) {
  const { label, description, refId, datasource, instance, query, error, testId, onChange } = props;
  const QueryEditor = instance?.components?.QueryEditor;
  return (
    <Field label={label} description={description} invalid={error !== undefined} error={error}>
      <>
        <div data-testid={testId}>
          {instance && QueryEditor ? (
            <QueryEditor
              datasource={instance}
              query={{ ...query, refId, datasource }}
              onChange={(changed) => onChange(queryModel(changed))}
              // The preview runs the queries after every change.
              onRunQuery={() => undefined}
              app={CoreApp.PanelEditor}
            />
          ) : usesExprField(datasource.type, query) ? (
            <ExprText label={label} query={query} onChange={onChange} />
          ) : (
            <JsonText label={label} query={query} onChange={onChange} />
          )}
        </div>
      </>
    </Field>
  );
}

function ExprText({ label, query, onChange }: Pick<RawQueryFieldProps, 'label' | 'query' | 'onChange'>) {
  const id = useId();
  return (
    <TextArea
      id={id}
      aria-label={label}
      rows={3}
      spellCheck={false}
      value={typeof query.expr === 'string' ? query.expr : ''}
      onChange={(event) => onChange({ ...query, expr: event.currentTarget.value })}
    />
  );
}

/** JSON text that only reaches the SLO when it parses; until then the field says what is wrong. */
function JsonText({ label, query, onChange }: Pick<RawQueryFieldProps, 'label' | 'query' | 'onChange'>) {
  const id = useId();
  const [text, setText] = useState(() => rawQueryToJson(query));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Field invalid={problem !== null} error={problem ?? undefined} noMargin>
      <TextArea
        id={id}
        aria-label={label}
        rows={6}
        spellCheck={false}
        value={text}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          const parsed = rawQueryFromJson(next);
          setProblem(parsed.ok ? null : parsed.message);
          if (parsed.ok) {
            onChange(parsed.query);
          }
        }}
      />
    </Field>
  );
}
