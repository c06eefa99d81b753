import React, { useCallback, useMemo, useState } from 'react';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Field, Input, Stack, Text } from '@grafana/ui';
import { ruleFileYaml } from '../../prometheus';
import type { SloSpec } from '../../spec/types';
import { hasDatasourceRuler, mayHaveRuler, pushDatasourceRules, type StoreError } from '../../store';
import { downloadText } from '../import/download';
import { useLoaded } from '../slos/useLoaded';
import { testIds } from '../testIds';

/** Where pushed groups go in the datasource's ruler: one namespace for every SLO's groups. */
const DEFAULT_NAMESPACE = 'nines';

type Push =
  { kind: 'idle' } | { kind: 'pushing' } | { kind: 'pushed'; groups: number } | { kind: 'failed'; error: StoreError };

const noRuler = () => Promise.resolve({ ok: true as const, value: false });

/**
 * The Prometheus recording and alert rules of an SLO with a Prometheus query builder: pushed to
 * the datasource's ruler where it has one (Mimir, Cortex), and always
 * downloadable as a rule file for Prometheus' `rule_files`.
 */
export function PrometheusRulesActions({ slo, mayPush }: { slo: SloSpec; mayPush: boolean }) {
  const file = useMemo(() => ruleFileYaml([slo], { per: 'slo', grafanaUrl: config.appUrl }).files[0], [slo]);
  const datasourceUid = slo.sli.datasource.uid;
  const settings = getDataSourceSrv().getInstanceSettings(datasourceUid);
  const ask = mayPush && file !== undefined && mayHaveRuler(settings?.jsonData);
  const probe = useCallback(() => (ask ? hasDatasourceRuler(datasourceUid) : noRuler()), [ask, datasourceUid]);
  const ruler = useLoaded(probe).result;
  const [namespace, setNamespace] = useState(DEFAULT_NAMESPACE);
  const [push, setPush] = useState<Push>({ kind: 'idle' });
  if (!file) {
    // Raw queries: Prometheus rules need a query builder (the section above says what Grafana can do).
    return null;
  }
  const name = settings?.name ?? datasourceUid;

  const send = async () => {
    setPush({ kind: 'pushing' });
    const result = await pushDatasourceRules(datasourceUid, namespace.trim(), file.groups);
    setPush(result.ok ? { kind: 'pushed', groups: result.value.groups } : { kind: 'failed', error: result.error });
  };

  return (
    <Stack direction="column" gap={1} alignItems="flex-start">
      <Text element="p" color="secondary">
        Prometheus rules record the SLI&apos;s error ratio for every window and alert on it, so that Prometheus does the
        work at any scale.
      </Text>
      <Stack direction="row" gap={1} alignItems="flex-end" wrap="wrap">
        <Button
          variant="secondary"
          icon="download-alt"
          onClick={() => downloadText(file.yaml, file.name)}
          data-testid={testIds.alertRules.download}
        >
          Download rules (YAML)
        </Button>
        {ruler?.ok && ruler.value && (
          <>
            <Field label="Namespace" noMargin>
              <Input
                value={namespace}
                onChange={(event) => setNamespace(event.currentTarget.value)}
                data-testid={testIds.alertRules.namespace}
              />
            </Field>
            <Button
              icon="upload"
              onClick={send}
              disabled={namespace.trim() === '' || push.kind === 'pushing'}
              data-testid={testIds.alertRules.push}
            >
              Push to {name}
            </Button>
          </>
        )}
      </Stack>
      {push.kind === 'pushed' && (
        <Alert severity="success" title={`Rules pushed to ${name}`}>
          {push.groups} rule groups in the namespace {namespace.trim()}.
        </Alert>
      )}
      {push.kind === 'failed' && (
        <Alert severity="error" title="The rules were not pushed">
          {push.error.message}
        </Alert>
      )}
    </Stack>
  );
}
