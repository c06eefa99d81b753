import React, { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, LinkButton, Stack } from '@grafana/ui';
import { editSloUrl, prefixRoute, ROUTES } from '../../constants';
import { canWriteDashboards, deleteSlo, type StoredSlo, type StoreError } from '../../store';
import { testIds } from '../testIds';
import { AddToDashboardModal } from './AddToDashboardModal';
import { DeleteSloModal } from './DeleteSloModal';
import { ExportOpenSloButton } from './OpenSloExport';
import type { SloPermissions } from './useSloPermissions';

interface SloActionsProps {
  stored: StoredSlo;
  /** Grafana did not delete the SLO: the page explains why. */
  onDeleteRefused: (error: StoreError) => void;
  permissions: SloPermissions;
}

/**
 * What the user may do with an SLO: edit and delete it where its folder lets them, add its panel
 * to a dashboard when they may save dashboards, and export it, which anyone may.
 */
export function SloActions({ stored, onDeleteRefused, permissions }: SloActionsProps) {
  const { slo, folderUid } = stored;
  const { canEdit, editableFolders } = permissions;
  const mayEdit = canEdit(folderUid);
  const navigate = useNavigate();
  const [open, setOpen] = useState<'delete' | 'addToDashboard' | null>(null);

  const remove = async () => {
    const result = await deleteSlo(slo.uid);
    setOpen(null);
    // An SLO that is already gone is as good as deleted.
    if (result.ok || result.error.kind === 'notFound') {
      navigate(prefixRoute(ROUTES.Slos));
    } else {
      onDeleteRefused(result.error);
    }
  };

  return (
    <Stack direction="row" gap={1} wrap="wrap">
      {mayEdit && (
        <LinkButton href={editSloUrl(slo.uid)} icon="pen" variant="secondary" data-testid={testIds.sloPage.edit}>
          Edit
        </LinkButton>
      )}
      {canWriteDashboards() && (
        <Button
          icon="apps"
          variant="secondary"
          onClick={() => setOpen('addToDashboard')}
          data-testid={testIds.sloPage.addToDashboard}
        >
          Add to dashboard
        </Button>
      )}
      <ExportOpenSloButton slo={slo} />
      {mayEdit && (
        <Button
          icon="trash-alt"
          variant="destructive"
          onClick={() => setOpen('delete')}
          data-testid={testIds.sloPage.delete}
        >
          Delete
        </Button>
      )}
      <DeleteSloModal isOpen={open === 'delete'} name={slo.name} onConfirm={remove} onDismiss={() => setOpen(null)} />
      {open === 'addToDashboard' && (
        <AddToDashboardModal
          slo={{ uid: slo.uid, name: slo.name }}
          folders={editableFolders}
          folderUid={folderUid}
          onDismiss={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
