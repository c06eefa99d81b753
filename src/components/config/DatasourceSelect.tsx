import React, { useMemo } from 'react';
import { getDataSourceSrv } from '@grafana/runtime';
import { Combobox, type ComboboxOption } from '@grafana/ui';
import type { DataSourceRef } from '../../spec/types';

export interface DatasourceSelectProps {
  inputId: string;
  value: DataSourceRef | null;
  onChange: (datasource: DataSourceRef | null) => void;
  /** What no datasource means here, e.g. "Grafana's default datasource". */
  placeholder: string;
  disabled?: boolean;
}

/**
 * One of Grafana's datasources that answer metric queries, or none (clearable). A datasource
 * that Grafana no longer has stays shown, marked, so that a stale setting is visible.
 */
export function DatasourceSelect({ inputId, value, onChange, placeholder, disabled }: DatasourceSelectProps) {
  const datasources = useMemo(() => getDataSourceSrv().getList({ metrics: true }), []);
  const options: Array<ComboboxOption<string>> = datasources.map((datasource) => ({
    label: datasource.name,
    value: datasource.uid,
    description: datasource.type,
  }));
  if (value && !datasources.some((datasource) => datasource.uid === value.uid)) {
    options.push({ label: `${value.uid} (not found)`, value: value.uid, description: value.type });
  }
  // Cleared gives null; the only option not in Grafana's list is the stale current value.
  const select = (option: ComboboxOption<string> | null) => {
    const chosen = datasources.find((datasource) => datasource.uid === option?.value);
    onChange(option?.value === undefined ? null : chosen ? { uid: chosen.uid, type: chosen.type } : value);
  };
  return (
    <Combobox
      id={inputId}
      options={options}
      value={value?.uid ?? null}
      onChange={select}
      isClearable
      placeholder={placeholder}
      disabled={disabled}
      width={40}
    />
  );
}
