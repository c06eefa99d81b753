import React from 'react';
import { Button, Field, IconButton, Input, Stack } from '@grafana/ui';
import { labelRowErrors, type LabelRow } from '../../spec/form';
import type { SpecError } from '../../spec/types';
import { testIds } from '../testIds';
import { errorText } from './fieldNames';

interface LabelsEditorProps {
  labels: LabelRow[];
  onChange: (labels: LabelRow[]) => void;
  errors: SpecError[];
}

/** Label rows in order; a row may stay blank while the user types (blank rows are not saved). */
export function LabelsEditor({ labels, onChange, errors }: LabelsEditorProps) {
  const update = (index: number, patch: Partial<LabelRow>) =>
    onChange(labels.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack direction="column" gap={0}>
      {labels.map((row, index) => {
        const error = errorText(labelRowErrors(labels, errors, index));
        const name = `Label ${index + 1}`;
        return (
          <Field
            key={index}
            invalid={error !== undefined}
            error={error}
            data-testid={testIds.editor.field(`labels[${index}]`)}
          >
            {/* A fragment: Field passes `invalid` to an element child, which a plain Stack would put in the DOM. */}
            <>
              <Stack direction="row" gap={1} alignItems="center">
                <Input
                  aria-label={`${name} name`}
                  placeholder="name"
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
              </Stack>
            </>
          </Field>
        );
      })}
      <div>
        <Button
          size="sm"
          variant="secondary"
          icon="plus"
          data-testid={testIds.editor.addLabel}
          onClick={() => onChange([...labels, { key: '', value: '' }])}
        >
          Add label
        </Button>
      </div>
    </Stack>
  );
}
