import React, { useState } from 'react';
import { Alert, Button, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import type { SloSpec } from '../../spec/types';
import { alertGroupUrl, canWriteAlertRules, type GrafanaFolder, isRetryable } from '../../store';
import { StoreErrorAlert } from '../slos/StoreErrorAlert';
import { testIds } from '../testIds';
import { AlertRulesDrawer } from './AlertRulesDrawer';
import { PrometheusRulesActions } from './PrometheusRulesActions';
import { RuleLinks } from './RuleLinks';
import { useSloAlertRules } from './useSloAlertRules';

interface SloAlertRulesSectionProps {
  slo: SloSpec;
  /** The folders the user may write in, to choose where new rules go. */
  folders: GrafanaFolder[];
}

/**
 * The SLO page's alert rules: whether Grafana holds rules for the SLO and whether they follow its
 * current version, with links to them; Editors create or update them (after a preview), and
 * everyone can download the Prometheus rule file.
 */
export function SloAlertRulesSection({ slo, folders }: SloAlertRulesSectionProps) {
  const rules = useSloAlertRules(slo);
  const [open, setOpen] = useState(false);
  const mayWrite = canWriteAlertRules();
  const { generated, stored, status } = rules;

  const openButton = (label: string) =>
    mayWrite && (
      <Button icon="bell" variant="primary" onClick={() => setOpen(true)} data-testid={testIds.alertRules.open}>
        {label}
      </Button>
    );

  return (
    <Stack direction="column" gap={1}>
      <Text element="h3">Alert rules</Text>
      <div data-testid={testIds.alertRules.section}>
        {!generated.ok ? (
          <Alert severity="info" title="No Grafana-managed rules for this SLO">
            {generated.errors.map((error) => (
              <Text element="p" key={error.path}>
                {error.path} {error.message}
              </Text>
            ))}
          </Alert>
        ) : rules.noAlerting ? (
          <Alert severity="info" title="No Grafana-managed rules for this SLO">
            The datasource {rules.noAlerting} does not support Grafana alerting.
          </Alert>
        ) : stored.kind === 'loading' ? (
          <LoadingPlaceholder text="Loading the alert rules..." />
        ) : stored.kind === 'error' ? (
          <StoreErrorAlert
            testId={testIds.alertRules.loadError}
            title="Could not load the alert rules"
            message={stored.error.message}
            onRetry={isRetryable(stored.error) ? rules.reload : undefined}
          />
        ) : stored.value === null || status?.state === 'none' ? (
          <Stack direction="row" gap={2} alignItems="center" wrap="wrap">
            <Text color="secondary" data-testid={testIds.alertRules.state}>
              No Grafana-managed alert rules yet: burn-rate alerts show on this page and the panel only.
            </Text>
            {openButton('Create alert rules')}
          </Stack>
        ) : (
          <Stack direction="column" gap={1} alignItems="flex-start">
            {status?.state === 'outdated' ? (
              <Alert severity="warning" title="The alert rules do not follow this version of the SLO">
                <Stack direction="column" gap={1} alignItems="flex-start">
                  <span data-testid={testIds.alertRules.state}>
                    They were written for an earlier version of the SLO, or changed in Grafana since. Update them so
                    that they alert on its current objective and tiers.
                  </span>
                  {openButton('Update alert rules')}
                </Stack>
              </Alert>
            ) : (
              <Text color="secondary" data-testid={testIds.alertRules.state}>
                Up to date with this SLO, in the folder {stored.value.folderTitle || stored.value.folderUid}.
              </Text>
            )}
            <RuleLinks rules={stored.value.rules} testId={testIds.alertRules.links} />
            <TextLink href={alertGroupUrl(stored.value.folderUid, stored.value.group)} icon="bell">
              The rule group in Grafana Alerting
            </TextLink>
          </Stack>
        )}
      </div>
      <PrometheusRulesActions slo={slo} mayPush={mayWrite} />
      {open && generated.ok && stored.kind === 'loaded' && (
        <AlertRulesDrawer
          slo={slo}
          group={generated.group}
          stored={stored.value}
          folders={folders}
          onClose={(saved) => {
            setOpen(false);
            if (saved) {
              rules.reload();
            }
          }}
        />
      )}
    </Stack>
  );
}
