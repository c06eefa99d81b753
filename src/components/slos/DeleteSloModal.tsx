import React from 'react';
import { Alert, ConfirmModal, Stack, Text, TextLink } from '@grafana/ui';
import type { SloConnection, StoreError } from '../../store';
import { testIds } from '../testIds';

interface DeleteSloModalProps {
  isOpen: boolean;
  name: string;
  /** Deletes the SLO; the modal keeps its buttons disabled until this settles. */
  onConfirm: () => Promise<void>;
  onDismiss: () => void;
}

/** Asks before deleting, naming the SLO and what deleting takes with it. */
export function DeleteSloModal({ isOpen, name, onConfirm, onDismiss }: DeleteSloModalProps) {
  return (
    <ConfirmModal
      isOpen={isOpen}
      title="Delete SLO"
      body={
        <Stack direction="column" gap={1}>
          <Text element="p">Delete the SLO &quot;{name}&quot;?</Text>
          <Text element="p" color="secondary">
            Its library panel goes with it. Grafana refuses while a dashboard uses the panel.
          </Text>
        </Stack>
      }
      confirmText="Delete"
      onConfirm={onConfirm}
      onDismiss={onDismiss}
    />
  );
}

function dashboardPath(uid: string): string {
  return `/d/${encodeURIComponent(uid)}`;
}

function ConnectionItem({ connection }: { connection: SloConnection }) {
  const { dashboardUid, title } = connection;
  const name = title ?? dashboardUid ?? `dashboard ${connection.dashboardId}`;
  return <li>{dashboardUid === undefined ? name : <TextLink href={dashboardPath(dashboardUid)}>{name}</TextLink>}</li>;
}

/** Why Grafana did not delete the SLO, and what to do: the dashboards that use it, or who may delete. */
export function DeleteRefused({ error, onDismiss }: { error: StoreError; onDismiss: () => void }) {
  if (error.kind === 'inUse' && error.connections.length > 0) {
    return (
      <div data-testid={testIds.sloPage.deleteProblem}>
        <Alert severity="warning" title="Dashboards use this SLO" onRemove={onDismiss}>
          <Stack direction="column" gap={1}>
            <Text element="p">
              Grafana keeps a library panel while dashboards use it. Remove the SLO&apos;s panel from these dashboards,
              then delete the SLO:
            </Text>
            <ul>
              {error.connections.map((connection) => (
                <ConnectionItem key={connection.dashboardUid ?? connection.dashboardId} connection={connection} />
              ))}
            </ul>
          </Stack>
        </Alert>
      </div>
    );
  }
  const title =
    error.kind === 'forbidden'
      ? 'You may not delete this SLO'
      : error.kind === 'inUse'
        ? 'Dashboards use this SLO'
        : 'Could not delete the SLO';
  return (
    <div data-testid={testIds.sloPage.deleteProblem}>
      <Alert
        severity={error.kind === 'network' || error.kind === 'server' ? 'error' : 'warning'}
        title={title}
        onRemove={onDismiss}
      >
        <Text element="p">{error.message}</Text>
      </Alert>
    </div>
  );
}
