import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { FieldValidationMessage, IconButton, Input, useStyles2 } from '@grafana/ui';
import { labelRowErrors, type LabelRow } from '../../spec/form';
import type { SpecError } from '../../spec/types';
import { testIds } from '../testIds';
import { AddRowButton } from './AddRowButton';
import { errorText } from './fieldNames';

interface LabelsEditorProps {
  labels: LabelRow[];
  onChange: (labels: LabelRow[]) => void;
  errors: SpecError[];
}

/** Label rows in order; a row may stay blank while the user types (blank rows are not saved). */
export function LabelsEditor({ labels, onChange, errors }: LabelsEditorProps) {
  const styles = useStyles2(getStyles);
  const update = (index: number, patch: Partial<LabelRow>) =>
    onChange(labels.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <div className={styles.rows}>
      {labels.map((row, index) => {
        const error = errorText(labelRowErrors(labels, errors, index));
        const name = `Label ${index + 1}`;
        return (
          <div key={index} data-testid={testIds.editor.field(`labels[${index}]`)}>
            <div className={styles.row}>
              <Input
                aria-label={`${name} name`}
                placeholder="name"
                invalid={error !== undefined}
                value={row.key}
                onChange={(event) => update(index, { key: event.currentTarget.value })}
              />
              <Input
                aria-label={`${name} value`}
                placeholder="value"
                value={row.value}
                onChange={(event) => update(index, { value: event.currentTarget.value })}
              />
              <IconButton
                name="trash-alt"
                tooltip={`Remove ${name.toLowerCase()}`}
                data-testid={testIds.editor.removeLabel(index)}
                onClick={() => onChange(labels.filter((_, i) => i !== index))}
              />
            </div>
            {error !== undefined && <FieldValidationMessage className={styles.message}>{error}</FieldValidationMessage>}
          </div>
        );
      })}
      <AddRowButton testId={testIds.editor.addLabel} onClick={() => onChange([...labels, { key: '', value: '' }])}>
        Add label
      </AddRowButton>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  rows: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  message: css({ marginTop: theme.spacing(0.5) }),
});
