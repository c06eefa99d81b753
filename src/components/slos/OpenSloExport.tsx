import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Stack, Text, useStyles2 } from '@grafana/ui';
import { sloToOpenSlo } from '../../spec/openslo';
import type { SloSpec } from '../../spec/types';
import { downloadText } from '../import/download';
import { testIds } from '../testIds';

/** Downloads the SLO as an OpenSLO v1 document, `<uid>.yaml`; one of the SLO page's actions. */
export function ExportOpenSloButton({ slo }: { slo: SloSpec }) {
  return (
    <Button
      variant="secondary"
      icon="download-alt"
      data-testid={testIds.sloPage.exportOpenSlo}
      onClick={() => downloadText(sloToOpenSlo(slo), `${slo.uid}.yaml`)}
    >
      Export OpenSLO
    </Button>
  );
}

/** The SLO as an OpenSLO v1 document, shown as text. */
export function OpenSloExport({ slo }: { slo: SloSpec }) {
  const styles = useStyles2(getStyles);
  const yaml = useMemo(() => sloToOpenSlo(slo), [slo]);
  return (
    <Stack direction="column" gap={1}>
      <Text element="h3">OpenSLO</Text>
      <pre className={styles.yaml} data-testid={testIds.sloPage.openSlo} aria-label="OpenSLO YAML" tabIndex={0}>
        {yaml}
      </pre>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  yaml: css({
    margin: 0,
    padding: theme.spacing(1, 2),
    maxHeight: theme.spacing(50),
    overflow: 'auto',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
    background: theme.colors.background.canvas,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
});
