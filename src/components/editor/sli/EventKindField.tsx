import React from 'react';
import { Field, RadioButtonGroup } from '@grafana/ui';
import { errorAt } from '../../../spec/sliFieldErrors';
import type { Sli, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';

type EventKind = Sli['eventKind'];

export interface EventKindFieldProps {
  /** The question the choice answers, e.g. "The event query counts". */
  label: string;
  /** How the two choices read under that question. */
  options: Array<{ value: EventKind; label: string }>;
  eventKind: EventKind;
  errors: SpecError[];
  onChange: (eventKind: EventKind) => void;
}

/** Whether the SLI's event query counts good or bad events. */
export function EventKindField({ label, options, eventKind, errors, onChange }: EventKindFieldProps) {
  const error = errorAt(errors, 'sli.eventKind');
  return (
    <Field label={label} invalid={error !== undefined} error={error}>
      <RadioButtonGroup
        aria-label={label}
        data-testid={testIds.sliStep.eventKind}
        options={options}
        value={eventKind}
        onChange={onChange}
      />
    </Field>
  );
}
