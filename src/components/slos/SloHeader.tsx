import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Tag, Text, TextLink, useStyles2 } from '@grafana/ui';
import { GENERAL_FOLDER_TITLE, type StoredSlo } from '../../store';
import { testIds } from '../testIds';
import { isHttpUrl } from './safeLink';
import { describeSli, windowInWords } from './sloList';
import { formatObjective } from '../slo/format';

/** Who and what an SLO is about: the details stored with it. All of it is text the user typed. */
export function SloHeader({ stored }: { stored: StoredSlo }) {
  const styles = useStyles2(getStyles);
  const { slo } = stored;
  const labels = Object.entries(slo.labels);
  return (
    <div className={styles.header} data-testid={testIds.sloPage.header}>
      {slo.description && (
        <div data-testid={testIds.sloPage.description}>
          <Text element="p" color="secondary">
            {slo.description}
          </Text>
        </div>
      )}
      <dl className={styles.facts}>
        <dt>Service</dt>
        <dd data-testid={testIds.sloPage.service}>{slo.service}</dd>
        <dt>Team</dt>
        <dd data-testid={testIds.sloPage.team}>{slo.team || '–'}</dd>
        <dt>Objective</dt>
        <dd>
          {formatObjective(slo.objective.target)} over {windowInWords(slo.objective.window).toLowerCase()} (
          {slo.objective.budgetingMethod})
        </dd>
        <dt>SLI</dt>
        <dd>{describeSli(slo)}</dd>
        <dt>Folder</dt>
        <dd data-testid={testIds.sloPage.folder}>
          {stored.folderName ?? (stored.folderUid === '' ? GENERAL_FOLDER_TITLE : stored.folderUid)}
        </dd>
        <dt>Runbook</dt>
        <dd data-testid={testIds.sloPage.runbook}>{slo.runbookUrl === '' ? '–' : <Runbook url={slo.runbookUrl} />}</dd>
      </dl>
      {labels.length > 0 && (
        <div data-testid={testIds.sloPage.labels}>
          <Stack direction="row" gap={1} wrap="wrap">
            {labels.map(([name, value]) => (
              <Tag key={name} name={`${name}=${value}`} />
            ))}
          </Stack>
        </div>
      )}
    </div>
  );
}

function Runbook({ url }: { url: string }) {
  // Validation keeps other schemes out, but a library panel can be edited by other means.
  if (!isHttpUrl(url)) {
    return <Text color="secondary">{url} (not an http or https link)</Text>;
  }
  return (
    <TextLink href={url} external>
      {url}
    </TextLink>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, overflowWrap: 'anywhere' },
  }),
});
