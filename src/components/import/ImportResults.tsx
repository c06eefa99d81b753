import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Badge, type BadgeColor, Text, TextLink, useStyles2 } from '@grafana/ui';
import { sloPageUrl } from '../../constants';
import { testIds } from '../testIds';
import type { ImportOutcome, ImportStatus } from './runImport';

const STATUSES: Record<ImportStatus, { text: string; color: BadgeColor }> = {
  created: { text: 'Created', color: 'green' },
  updated: { text: 'Changed', color: 'green' },
  unchanged: { text: 'Unchanged', color: 'darkgrey' },
  failed: { text: 'Not written', color: 'red' },
  notAttempted: { text: 'Not attempted', color: 'orange' },
};

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

function summary(outcomes: ImportOutcome[]) {
  const count = (...statuses: ImportStatus[]) => outcomes.filter((outcome) => statuses.includes(outcome.status)).length;
  const written = count('created', 'updated');
  const notWritten = count('failed', 'notAttempted');
  const parts = [`${plural(written, 'SLO')} written`];
  if (count('unchanged') > 0) {
    parts.push(`${count('unchanged')} unchanged`);
  }
  if (notWritten > 0) {
    parts.push(`${notWritten} not written`);
  }
  return { text: parts.join(', '), complete: notWritten === 0 };
}

/** What the import did, per SLO, with links to the SLOs that exist now. */
export function ImportResults({ outcomes }: { outcomes: ImportOutcome[] }) {
  const styles = useStyles2(getStyles);
  const { text, complete } = summary(outcomes);
  return (
    <div data-testid={testIds.import.result}>
      <Alert
        severity={complete ? 'success' : 'warning'}
        title={complete ? `Imported: ${text}` : `Import incomplete: ${text}`}
      >
        <table className={styles.table}>
          <tbody>
            {outcomes.map((outcome, index) => (
              <tr key={`${outcome.uid}-${index}`} data-testid={testIds.import.resultRow(outcome.uid)}>
                <td>
                  {outcome.status === 'created' || outcome.status === 'updated' || outcome.status === 'unchanged' ? (
                    <TextLink href={sloPageUrl(outcome.uid)} inline={false}>
                      {outcome.name}
                    </TextLink>
                  ) : (
                    <Text>{outcome.name}</Text>
                  )}
                </td>
                <td>
                  <Badge text={STATUSES[outcome.status].text} color={STATUSES[outcome.status].color} />
                </td>
                <td>{'message' in outcome && <Text>{outcome.message}</Text>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Alert>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css({
    'td, th': { padding: theme.spacing(0.5, 1), verticalAlign: 'top', textAlign: 'left' },
  }),
});
