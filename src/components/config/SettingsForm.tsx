import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, StandardEditorsRegistryItem } from '@grafana/data';
import { Alert, Button, Field, Input, Stack, Text, useStyles2 } from '@grafana/ui';
import { AlertTiersEditor, type AlertTiersEditorSettings } from '../../panels/slo/AlertTiersEditor';
import type { AlertTierOption } from '../../panels/slo/types';
import { within } from '../../spec/errorPaths';
import { validateAppSettings, type AppSettings } from '../../spec/settings';
import type { SpecError } from '../../spec/types';
import type { GrafanaFolder, StoreError, StoreResult } from '../../store';
import { FieldGroup } from '../editor/FieldGroup';
import { StoreErrorAlert } from '../slos/StoreErrorAlert';
import { testIds } from '../testIds';
import { DatasourceSelect } from './DatasourceSelect';
import { FolderSelect } from './FolderSelect';

const tiersItem: StandardEditorsRegistryItem<AlertTierOption[], AlertTiersEditorSettings> = {
  id: 'alertTiers',
  name: 'Alert tiers',
  editor: AlertTiersEditor,
};

export interface SettingsFormProps {
  initial: AppSettings;
  folders: GrafanaFolder[];
  /** Without the Admin role the settings are shown, not edited. */
  readOnly: boolean;
  onSave: (settings: AppSettings) => Promise<StoreResult<AppSettings>>;
}

type Saving = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: StoreError };

const errorAt = (errors: SpecError[], path: string) =>
  errors
    .filter((error) => within(error.path, path))
    .map((error) => error.message)
    .join('; ') || undefined;

/** `alerting.tiers[1].shortWindow` as the editor names it: "Alert tier 2: shortWindow". */
function tierField(path: string): string {
  const tier = /^alerting\.tiers\[(\d+)\]\.?(.*)$/.exec(path);
  return tier ? `Alert tier ${Number(tier[1]) + 1}${tier[2] ? `: ${tier[2]}` : ''}` : path;
}

/** What new SLOs start with: folder, datasource, alert tiers and minimum events. */
export function SettingsForm({ initial, folders, readOnly, onSave }: SettingsFormProps) {
  const styles = useStyles2(getStyles);
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const errors = validateAppSettings(draft);
  const tierErrors = errors.filter((error) => within(error.path, 'alerting.tiers'));
  const fieldError = (path: string) => {
    const error = errorAt(errors, path);
    return { invalid: error !== undefined, error };
  };
  const change = (patch: Partial<AppSettings>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaving({ kind: 'idle' });
  };
  const save = async () => {
    setSaving({ kind: 'saving' });
    const saved = await onSave(draft);
    setSaving(saved.ok ? { kind: 'saved' } : { kind: 'failed', error: saved.error });
  };

  return (
    <fieldset className={styles.form} disabled={readOnly || saving.kind === 'saving'}>
      <Field
        label="Default folder"
        description="Where new SLOs are saved unless their author picks another"
        {...fieldError('defaultFolderUid')}
        data-testid={testIds.configPage.folder}
      >
        <FolderSelect
          inputId="nines-config-folder"
          folders={folders}
          value={draft.defaultFolderUid}
          onChange={(defaultFolderUid) => change({ defaultFolderUid })}
          disabled={readOnly}
        />
      </Field>
      <Field
        label="Default datasource"
        description="The datasource of new SLOs' queries; none lets the editor take Grafana's default datasource"
        {...fieldError('defaultDatasource')}
        data-testid={testIds.configPage.datasource}
      >
        <DatasourceSelect
          inputId="nines-config-datasource"
          value={draft.defaultDatasource}
          onChange={(defaultDatasource) => change({ defaultDatasource })}
          placeholder="Grafana's default datasource"
          disabled={readOnly}
        />
      </Field>
      <FieldGroup
        label="Default alert tiers"
        description="The multiwindow burn-rate tiers new SLOs alert on: long and short window, and the share of the error budget they spend"
      >
        <Stack direction="column" gap={1}>
          <AlertTiersEditor
            value={draft.alerting.tiers}
            onChange={(tiers) => change({ alerting: { ...draft.alerting, tiers: tiers ?? [] } })}
            item={{ ...tiersItem, settings: { readOnly } }}
            context={{ data: [] }}
          />
          {tierErrors.length > 0 && (
            <div data-testid={testIds.configPage.errors}>
              <Alert severity="error" title="The alert tiers have problems">
                <ul>
                  {tierErrors.map((error) => (
                    <li key={error.path}>
                      <Text>{`${tierField(error.path)}: ${error.message}`}</Text>
                    </li>
                  ))}
                </ul>
              </Alert>
            </div>
          )}
        </Stack>
      </FieldGroup>
      <Field
        label="Minimum events"
        description="Alerts stay quiet while the long window has fewer events than this (0: always alert)"
        {...fieldError('alerting.minEvents')}
      >
        <Input
          id="nines-config-min-events"
          data-testid={testIds.configPage.minEvents}
          type="number"
          min={0}
          width={20}
          value={Number.isFinite(draft.alerting.minEvents) ? draft.alerting.minEvents : ''}
          onChange={(event) =>
            change({ alerting: { ...draft.alerting, minEvents: event.currentTarget.valueAsNumber } })
          }
        />
      </Field>
      {!readOnly && (
        <Stack direction="row" gap={2} alignItems="center">
          <Button
            data-testid={testIds.configPage.save}
            icon={saving.kind === 'saving' ? 'spinner' : 'save'}
            disabled={errors.length > 0 || saving.kind === 'saving'}
            onClick={save}
          >
            Save settings
          </Button>
          {saving.kind === 'saved' && (
            <Text data-testid={testIds.configPage.saved} color="success">
              Saved. New SLOs start with these settings.
            </Text>
          )}
        </Stack>
      )}
      {saving.kind === 'failed' && (
        <StoreErrorAlert
          testId={testIds.configPage.saveError}
          title="The settings were not saved"
          message={saving.error.message}
        />
      )}
    </fieldset>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({ border: 'none', margin: 0, padding: 0, minWidth: 0, maxWidth: theme.spacing(100) }),
});
