import React from 'react';
import { EmptyState, Stack, Text } from '@grafana/ui';
import { testIds } from '../testIds';
import { SloListActions } from './SloListActions';

/** No SLO is stored yet: where SLOs come from, and the way to make one for those who may. */
export function SlosEmptyState({ canCreate }: { canCreate: boolean }) {
  return (
    <div data-testid={testIds.slosPage.empty}>
      <EmptyState variant="call-to-action" message="No SLOs yet" button={canCreate ? <SloListActions /> : undefined}>
        <Stack direction="column" gap={1}>
          <Text element="p">
            An SLO is a library panel of the Nines SLO panel, so it can go on any dashboard. SLOs are created here from
            their queries and objective, or imported from OpenSLO or Sloth files.
          </Text>
          {!canCreate && (
            <Text element="p" color="secondary">
              An Editor can create and import them: your role lets you view SLOs only.
            </Text>
          )}
        </Stack>
      </EmptyState>
    </div>
  );
}
