import React from 'react';
import type { StandardEditorsRegistryItem } from '@grafana/data';
import { Field, Input, Stack } from '@grafana/ui';
import { AlertTiersEditor } from '../../panels/slo/AlertTiersEditor';
import { within } from '../../spec/errorPaths';
import type { AlertingForm } from '../../spec/form';
import type { AlertTierOption, SpecError } from '../../spec/types';
import { testIds } from '../testIds';
import { errorText } from './fieldNames';
import { fieldProps } from './fieldProps';
import { FieldGroup } from './FieldGroup';

const tiersItem: StandardEditorsRegistryItem<AlertTierOption[]> = {
  id: 'alerting.tiers',
  name: 'Alert tiers',
  editor: AlertTiersEditor,
};

interface AlertingStepProps {
  alerting: AlertingForm;
  onChange: (alerting: AlertingForm) => void;
  errors: SpecError[];
}

/** The panel's burn-rate tiers editor and the low-traffic guard. */
export function AlertingStep({ alerting, onChange, errors }: AlertingStepProps) {
  // The tiers editor has no place for errors: they are listed under it, each naming its tier and field.
  const tierErrors = errorText(errors.filter((error) => within(error.path, 'alerting.tiers')));
  return (
    <Stack direction="column" gap={0}>
      <FieldGroup
        label="Alert tiers"
        description="Multiwindow burn-rate alerts: a tier fires when both windows burn the budget share in the long window"
        error={tierErrors}
        data-testid={testIds.editor.field('alerting.tiers')}
      >
        <AlertTiersEditor
          value={alerting.tiers}
          onChange={(tiers) => onChange({ ...alerting, tiers: tiers ?? [] })}
          item={tiersItem}
          context={{ data: [] }}
        />
      </FieldGroup>
      <Field
        label="Minimum events"
        description="A tier fires only when its long window holds at least this many events (0 for no guard)"
        {...fieldProps(errors, 'alerting.minEvents')}
      >
        <Input
          id="nines-alerting-min-events"
          width={16}
          value={alerting.minEvents}
          onChange={(event) => onChange({ ...alerting, minEvents: event.currentTarget.value })}
        />
      </Field>
    </Stack>
  );
}
