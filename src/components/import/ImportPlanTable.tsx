import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, type BadgeColor, Text, useStyles2 } from '@grafana/ui';
import type { SloChange } from '../../spec/changes';
import type { ImportPlan, PlannedImport } from '../../spec/importPlan';
import type { StoredSlo } from '../../store';
import { listTableStyle } from '../tableStyle';
import { testIds } from '../testIds';

const ACTIONS: Record<PlannedImport['action'], { text: string; color: BadgeColor }> = {
  create: { text: 'Create', color: 'green' },
  update: { text: 'Change', color: 'orange' },
  unchanged: { text: 'Unchanged, skipped', color: 'darkgrey' },
  blocked: { text: 'Not imported', color: 'red' },
};

function valueText(value: unknown): string {
  if (value === undefined) {
    return '(none)';
  }
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
}

function ChangeList({ changes }: { changes: SloChange[] }) {
  return (
    <ul>
      {changes.map((change) => (
        <li key={change.path}>
          <Text variant="code">{change.path}</Text>
          <Text>{`: ${valueText(change.a)} → ${valueText(change.b)}`}</Text>
        </li>
      ))}
    </ul>
  );
}

function details(item: PlannedImport<StoredSlo>, folderTitle: (uid: string) => string) {
  switch (item.action) {
    case 'create':
      return <Text>{`New SLO in folder "${folderTitle(item.slo.folderUid)}"`}</Text>;
    case 'update':
      return <ChangeList changes={item.changes} />;
    case 'unchanged':
      return <Text color="secondary">The stored SLO is the same</Text>;
    case 'blocked':
      return <Text>{item.reason}</Text>;
  }
}

export interface ImportPlanTableProps {
  plan: ImportPlan<StoredSlo>;
  /** A folder's title by uid ('' is General), for where new SLOs go. */
  folderTitle: (uid: string) => string;
}

/** The dry run: per SLO of the file, what the import will do, and for changes which fields. */
export function ImportPlanTable({ plan, folderTitle }: ImportPlanTableProps) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={testIds.import.plan}>
      <thead>
        <tr>
          <th>SLO</th>
          <th>Uid</th>
          <th>Import</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {plan.items.map((item, index) => (
          <tr key={`${item.slo.uid}-${index}`} data-testid={testIds.import.planRow(item.slo.uid)}>
            <td>{item.slo.name}</td>
            <td>
              <Text variant="code">{item.slo.uid}</Text>
            </td>
            <td>
              <Badge text={ACTIONS[item.action].text} color={ACTIONS[item.action].color} />
            </td>
            <td>{details(item, folderTitle)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: css(listTableStyle(theme), { ul: { margin: 0, paddingLeft: theme.spacing(2) } }),
});
