import React, { useState } from 'react';
import { Button, Stack, Text } from '@grafana/ui';
import { slosToOpenSlo } from '../../spec/openslo';
import { listAllSlos } from '../../store';
import { StoreErrorAlert } from '../slos/StoreErrorAlert';
import { testIds } from '../testIds';
import { downloadText } from './download';

export const EXPORT_FILE_NAME = 'nines-slos.yaml';

type ExportState =
  { kind: 'idle' | 'loading' } | { kind: 'done'; count: number; skipped: number } | { kind: 'failed'; message: string };

/** Every SLO as one OpenSLO v1 YAML file (documents separated by ---), downloaded. */
export function ExportAll() {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const exportAll = async () => {
    setState({ kind: 'loading' });
    const listed = await listAllSlos();
    if (!listed.ok) {
      setState({ kind: 'failed', message: listed.error.message });
      return;
    }
    const { slos, invalid } = listed.value;
    if (slos.length > 0) {
      downloadText(slosToOpenSlo(slos.map((stored) => stored.slo)), EXPORT_FILE_NAME);
    }
    setState({ kind: 'done', count: slos.length, skipped: invalid.length });
  };
  return (
    <Stack direction="column" gap={1} alignItems="flex-start">
      <Text element="h3">Export SLOs</Text>
      <Text color="secondary">All SLOs as one OpenSLO v1 file, to keep in version control or import elsewhere.</Text>
      <Button
        variant="secondary"
        icon={state.kind === 'loading' ? 'spinner' : 'download-alt'}
        disabled={state.kind === 'loading'}
        data-testid={testIds.import.exportAll}
        onClick={exportAll}
      >
        Export all SLOs
      </Button>
      {state.kind === 'done' && (
        <Text color="secondary">
          {state.count === 0
            ? 'There are no SLOs to export.'
            : `Exported ${state.count} SLO${state.count === 1 ? '' : 's'} to ${EXPORT_FILE_NAME}.`}
          {state.skipped > 0 &&
            ` ${state.skipped} library panel${state.skipped === 1 ? '' : 's'} of the SLO type that do not read as SLOs were left out.`}
        </Text>
      )}
      {state.kind === 'failed' && (
        <StoreErrorAlert
          testId={testIds.import.exportError}
          title="Could not export the SLOs"
          message={state.message}
        />
      )}
    </Stack>
  );
}
