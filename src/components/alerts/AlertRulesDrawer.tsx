import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Collapse, Combobox, Drawer, Field, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import type { GrafanaRuleGroup } from '../../prometheus';
import type { SloSpec } from '../../spec/types';
import {
  alertGroupUrl,
  alertRulesStatus,
  type GrafanaFolder,
  isRetryable,
  saveSloAlertRules,
  type SavedAlertRules,
  type StoredAlertRules,
  type StoreError,
} from '../../store';
import { StoreErrorAlert } from '../slos/StoreErrorAlert';
import { testIds } from '../testIds';
import { AlertRulesPreview } from './AlertRulesPreview';
import { RuleLinks } from './RuleLinks';

type Outcome =
  | { kind: 'preview' }
  | { kind: 'saving' }
  | { kind: 'saved'; saved: SavedAlertRules }
  | { kind: 'failed'; error: StoreError };

interface AlertRulesDrawerProps {
  slo: SloSpec;
  group: GrafanaRuleGroup;
  stored: StoredAlertRules | null;
  /** The folders the user may write in; Grafana-managed rules cannot live in General. */
  folders: GrafanaFolder[];
  /** `saved`: whether Grafana's rules changed, so the page reads them again. */
  onClose: (saved: boolean) => void;
}

/**
 * "Create alert rules": a preview of the rule group (what fires when, and what saving changes),
 * the folder for new rules, then the result with links into Grafana Alerting.
 */
export function AlertRulesDrawer({ slo, group, stored, folders, onClose }: AlertRulesDrawerProps) {
  const styles = useStyles2(getStyles);
  const folderChoices = folders.filter((folder) => folder.uid !== '');
  const [picked, setPicked] = useState<string | undefined>();
  // Stored rules stay where they are; new ones go to the SLO's folder when the user may write there.
  const folderUid =
    stored?.folderUid ??
    picked ??
    (folderChoices.some((folder) => folder.uid === slo.folderUid) ? slo.folderUid : folderChoices[0]?.uid);
  const status = alertRulesStatus(group, stored);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'preview' });
  const creating = status.state === 'none';

  const save = async () => {
    if (folderUid === undefined) {
      return;
    }
    setOutcome({ kind: 'saving' });
    const result = await saveSloAlertRules(group, folderUid, stored);
    setOutcome(result.ok ? { kind: 'saved', saved: result.value } : { kind: 'failed', error: result.error });
  };

  const title = creating ? 'Create alert rules' : 'Update alert rules';
  return (
    <Drawer title={`${title}: ${slo.name}`} onClose={() => onClose(outcome.kind === 'saved')} size="lg">
      <div data-testid={testIds.alertRules.drawer}>
        {outcome.kind === 'saved' ? (
          <Saved saved={outcome.saved} onClose={() => onClose(true)} />
        ) : (
          <Stack direction="column" gap={2}>
            <Text element="p" color="secondary">
              Grafana-managed rules query the SLI over each tier&apos;s two windows and fire when both burn the error
              budget faster than the tier allows. They are saved as the rule group {group.name}, which Nines replaces
              whole when the SLO changes.
            </Text>
            {stored ? (
              <Text element="p">
                In the folder {stored.folderTitle || stored.folderUid}
                {status.state === 'current' ? ', up to date with this SLO.' : '.'}
              </Text>
            ) : folderChoices.length === 0 ? (
              <Alert severity="warning" title="No folder for the rules">
                Grafana keeps alert rules in folders, and you may not write in any. Ask an admin for a folder.
              </Alert>
            ) : (
              <Field
                label="Folder"
                description="Grafana-managed rules live in a folder; its permissions decide who may edit them."
              >
                <Combobox
                  id="nines-alert-rules-folder"
                  data-testid={testIds.alertRules.folder}
                  options={folderChoices.map((folder) => ({ label: folder.title, value: folder.uid }))}
                  value={folderUid ?? null}
                  onChange={(option) => setPicked(option.value)}
                />
              </Field>
            )}
            <AlertRulesPreview slo={slo} group={group} status={status} />
            {status.removed.length > 0 && (
              <Alert severity="info" title="Saving deletes these rules">
                {status.removed.map((rule) => (
                  <Text element="p" key={rule.uid}>
                    {rule.title}
                  </Text>
                ))}
              </Alert>
            )}
            <JsonPreview group={group} className={styles.json} />
            {outcome.kind === 'failed' && (
              <StoreErrorAlert
                testId={testIds.alertRules.saveError}
                title="The alert rules were not saved"
                message={outcome.error.message}
                onRetry={isRetryable(outcome.error) ? save : undefined}
              />
            )}
            <Stack direction="row" gap={1}>
              <Button
                icon="bell"
                onClick={save}
                disabled={folderUid === undefined || outcome.kind === 'saving'}
                data-testid={testIds.alertRules.save}
              >
                {outcome.kind === 'saving' ? 'Saving...' : title}
              </Button>
              <Button variant="secondary" fill="outline" onClick={() => onClose(false)}>
                Cancel
              </Button>
            </Stack>
          </Stack>
        )}
      </div>
    </Drawer>
  );
}

function Saved({ saved, onClose }: { saved: SavedAlertRules; onClose: () => void }) {
  return (
    <Stack direction="column" gap={2} alignItems="flex-start">
      <Alert severity="success" title="Alert rules saved">
        <span data-testid={testIds.alertRules.result}>
          {saved.created} created, {saved.updated} updated, {saved.deleted} deleted in the rule group {saved.group}.
        </span>
      </Alert>
      <RuleLinks rules={saved.rules} severities testId={testIds.alertRules.resultLinks} />
      <TextLink href={alertGroupUrl(saved.folderUid, saved.group)} icon="bell">
        Open the rule group in Grafana Alerting
      </TextLink>
      <Button variant="secondary" onClick={onClose}>
        Close
      </Button>
    </Stack>
  );
}

function JsonPreview({ group, className }: { group: GrafanaRuleGroup; className: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Collapse label="The rule group as Grafana receives it" isOpen={open} onToggle={() => setOpen(!open)}>
      <pre className={className} tabIndex={0} aria-label="Rule group JSON">
        {JSON.stringify(group, null, 2)}
      </pre>
    </Collapse>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  json: css({
    margin: 0,
    padding: theme.spacing(1, 2),
    maxHeight: theme.spacing(50),
    overflow: 'auto',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.canvas,
  }),
});
