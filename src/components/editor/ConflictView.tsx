import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, ConfirmModal, Stack, Text, useStyles2 } from '@grafana/ui';
import { serverChanges } from '../../spec/changes';
import type { SloSpec } from '../../spec/types';
import type { StoredSlo } from '../../store';
import { testIds } from '../testIds';
import { fieldName } from './fieldNames';

interface ConflictViewProps {
  message: string;
  /** The version the user started from; null when unknown. */
  seen: StoredSlo | null;
  /** The server's newer version, when it could be loaded. */
  current?: StoredSlo;
  yours: SloSpec;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}

function valueInWords(value: unknown): string {
  if (value === undefined) {
    return '(none)';
  }
  if (typeof value === 'string') {
    return value === '' ? '(empty)' : value;
  }
  return JSON.stringify(value);
}

/**
 * Someone saved a newer version while the user edited: what they changed, field by field, with
 * their value and the user's, and the two ways on. The user's edits stay until they choose.
 */
export function ConflictView({ message, seen, current, yours, busy, onReload, onOverwrite }: ConflictViewProps) {
  const styles = useStyles2(getStyles);
  const [confirming, setConfirming] = useState(false);
  const changes = current && seen ? serverChanges(seen.slo, current.slo, yours) : [];
  return (
    <div data-testid={testIds.editor.conflict}>
      <Alert severity="warning" title="Someone else saved this SLO">
        <Stack direction="column" gap={1} alignItems="flex-start">
          <Text element="p">{message}</Text>
          {changes.length > 0 && (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th>Field</th>
                  <th>Their version (on the server)</th>
                  <th>Yours</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <tr key={change.path} data-testid={testIds.editor.conflictChange(change.path)}>
                    <td>{fieldName(change.path)}</td>
                    <td>{valueInWords(change.server)}</td>
                    <td>{valueInWords(change.yours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Stack direction="row" gap={1}>
            <Button
              variant="secondary"
              icon="sync"
              disabled={busy}
              data-testid={testIds.editor.reload}
              onClick={() => setConfirming(true)}
            >
              Reload from server
            </Button>
            {current && (
              <Button
                variant="destructive"
                disabled={busy}
                data-testid={testIds.editor.overwrite}
                onClick={onOverwrite}
              >
                Overwrite with mine
              </Button>
            )}
          </Stack>
        </Stack>
      </Alert>
      <ConfirmModal
        isOpen={confirming}
        title="Reload from server"
        body="Your edits will be lost: the editor shows the SLO as it is saved on the server now."
        confirmText="Discard my edits and reload"
        onConfirm={() => {
          setConfirming(false);
          onReload();
        }}
        onDismiss={() => setConfirming(false)}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    borderCollapse: 'collapse',
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      overflowWrap: 'anywhere',
    },
  }),
});
