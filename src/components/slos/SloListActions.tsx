import React from 'react';
import { LinkButton, Stack } from '@grafana/ui';
import { newSloUrl, prefixRoute, ROUTES } from '../../constants';
import { testIds } from '../testIds';

/** "Create SLO" and "Import": for users who may create SLOs (see useSloPermissions). */
export function SloListActions() {
  return (
    <Stack direction="row" gap={1}>
      <LinkButton href={newSloUrl()} icon="plus" data-testid={testIds.slosPage.createSlo}>
        Create SLO
      </LinkButton>
      <LinkButton
        href={prefixRoute(ROUTES.Import)}
        icon="upload"
        variant="secondary"
        data-testid={testIds.slosPage.importSlos}
      >
        Import
      </LinkButton>
    </Stack>
  );
}
