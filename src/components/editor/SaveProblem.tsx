import React from 'react';
import { Alert, Button, Stack, Text } from '@grafana/ui';
import type { SloSpec } from '../../spec/types';
import type { StoredSlo, StoreError } from '../../store';
import { testIds } from '../testIds';
import { ConflictView } from './ConflictView';

interface SaveProblemProps {
  error: StoreError;
  retry?: () => void;
  seen: StoredSlo | null;
  yours: SloSpec;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
  onSaveAsNew: () => void;
}

const TITLES: Record<StoreError['kind'], string> = {
  invalid: 'Grafana did not save the SLO: fix the fields marked',
  conflict: 'Someone else saved this SLO',
  forbidden: 'You may not save the SLO here',
  notFound: 'The SLO was deleted',
  inUse: 'The SLO is in use',
  network: 'Grafana could not be reached',
  server: 'Grafana could not save the SLO',
};

/** Why the last save failed, with the way on; the user's edits are never touched here. */
export function SaveProblem({ error, retry, seen, yours, busy, onReload, onOverwrite, onSaveAsNew }: SaveProblemProps) {
  if (error.kind === 'conflict') {
    return (
      <ConflictView
        message={error.message}
        seen={seen}
        current={error.current}
        yours={yours}
        busy={busy}
        onReload={onReload}
        onOverwrite={onOverwrite}
      />
    );
  }
  const severity = error.kind === 'invalid' || error.kind === 'notFound' ? 'warning' : 'error';
  return (
    <div data-testid={testIds.editor.saveError}>
      <Alert severity={severity} title={TITLES[error.kind]}>
        <Stack direction="column" gap={1} alignItems="flex-start">
          <Text element="p">{error.message}</Text>
          {retry && (
            <Button variant="secondary" icon="sync" disabled={busy} data-testid={testIds.editor.retry} onClick={retry}>
              Retry
            </Button>
          )}
          {error.kind === 'notFound' && (
            <Button variant="secondary" disabled={busy} data-testid={testIds.editor.saveAsNew} onClick={onSaveAsNew}>
              Save as a new SLO
            </Button>
          )}
        </Stack>
      </Alert>
    </div>
  );
}
