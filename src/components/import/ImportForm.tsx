import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Field, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { IMPORT_FORMAT_NAMES } from '../../spec/importFile';
import { writesOf } from '../../spec/importPlan';
import { defaultAppSettings, type AppSettings } from '../../spec/settings';
import type { DataSourceRef } from '../../spec/types';
import { GENERAL_FOLDER_TITLE, type GrafanaFolder } from '../../store';
import { DatasourceSelect } from '../config/DatasourceSelect';
import { FolderSelect } from '../config/FolderSelect';
import { StoreErrorAlert } from '../slos/StoreErrorAlert';
import { testIds } from '../testIds';
import { ImportErrors, ImportNotes } from './ImportProblems';
import { ImportPlanTable } from './ImportPlanTable';
import { ImportResults } from './ImportResults';
import { ImportSource } from './ImportSource';
import { useImport } from './useImport';

export interface ImportFormProps {
  /** The app's settings, for the default datasource and folder; null while they load. */
  settings: AppSettings | null;
  /** The folders the user may save SLOs in. */
  folders: GrafanaFolder[];
}

/** The default folder when the user may save there, else the first folder they may save in. */
function defaultFolder(settings: AppSettings, folders: GrafanaFolder[]): string | null {
  const preferred = folders.find((folder) => folder.uid === settings.defaultFolderUid);
  return (preferred ?? folders[0])?.uid ?? null;
}

const plural = (count: number) => `${count} SLO${count === 1 ? '' : 's'}`;

/** Paste or choose a file, check it (a dry run), then import what the check showed. */
export function ImportForm({ settings, folders }: ImportFormProps) {
  const styles = useStyles2(getStyles);
  const defaults = settings ?? defaultAppSettings();
  const [text, setText] = useState('');
  // undefined: not chosen yet, so the app's default applies.
  const [datasource, setDatasource] = useState<DataSourceRef | null | undefined>(undefined);
  const [folder, setFolder] = useState<string | undefined>(undefined);
  const { phase, check, write, reset } = useImport();

  const datasourceValue = datasource === undefined ? defaults.defaultDatasource : datasource;
  const folderValue = folder ?? defaultFolder(defaults, folders);
  const busy = phase.kind === 'checking' || phase.kind === 'importing';
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      reset();
    };
  const folderTitle = (uid: string) =>
    uid === '' ? GENERAL_FOLDER_TITLE : (folders.find((candidate) => candidate.uid === uid)?.title ?? uid);

  return (
    <Stack direction="column" gap={2}>
      <Text element="h3">Import SLOs</Text>
      <fieldset className={styles.form} disabled={busy} data-testid={testIds.import.form}>
        <ImportSource text={text} onChange={edit(setText)} />
        <Stack direction="row" gap={2} wrap="wrap">
          <Field
            label="Datasource"
            description="For SLIs that name none: every Sloth SLO, OpenSLO metric sources without metricSourceRef"
            data-testid={testIds.import.datasource}
            noMargin
          >
            <DatasourceSelect
              inputId="nines-import-datasource"
              value={datasourceValue}
              onChange={edit(setDatasource)}
              placeholder="None"
              disabled={busy}
            />
          </Field>
          <Field
            label="Folder"
            description="For new SLOs whose file names none; stored SLOs stay where they are"
            data-testid={testIds.import.folder}
            noMargin
          >
            <FolderSelect
              inputId="nines-import-folder"
              folders={folders}
              value={folderValue}
              onChange={edit(setFolder)}
              disabled={busy}
            />
          </Field>
        </Stack>
        <div>
          <Button
            variant="secondary"
            icon="check"
            data-testid={testIds.import.check}
            disabled={busy || folderValue === null || text.trim() === ''}
            onClick={() =>
              folderValue !== null && check({ text, folderUid: folderValue, datasource: datasourceValue ?? undefined })
            }
          >
            Check file
          </Button>
        </div>
      </fieldset>

      {phase.kind === 'checking' && <LoadingPlaceholder text="Checking the file against the stored SLOs..." />}
      {phase.kind === 'invalid' && <ImportErrors errors={phase.errors} />}
      {phase.kind === 'listFailed' && (
        <StoreErrorAlert
          testId={testIds.import.loadError}
          title="Could not compare with the stored SLOs"
          message={phase.error.message}
        />
      )}
      {(phase.kind === 'planned' || phase.kind === 'importing') && (
        <Stack direction="column" gap={1}>
          <Text data-testid={testIds.import.format}>{`Read as ${IMPORT_FORMAT_NAMES[phase.format]}.`}</Text>
          {phase.notes.length > 0 && <ImportNotes notes={phase.notes} />}
          <ImportPlanTable plan={phase.plan} folderTitle={folderTitle} />
          <div>
            <Button
              icon={phase.kind === 'importing' ? 'spinner' : 'upload'}
              data-testid={testIds.import.run}
              disabled={phase.kind === 'importing' || writesOf(phase.plan) === 0}
              onClick={() => phase.kind === 'planned' && write(phase)}
            >
              {writesOf(phase.plan) === 0 ? 'Nothing to import' : `Import ${plural(writesOf(phase.plan))}`}
            </Button>
          </div>
          {phase.kind === 'importing' && (
            <Text data-testid={testIds.import.progress} color="secondary">
              {`Importing: ${phase.done} of ${phase.plan.items.length} done...`}
            </Text>
          )}
        </Stack>
      )}
      {phase.kind === 'done' && <ImportResults outcomes={phase.outcomes} />}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  }),
});
