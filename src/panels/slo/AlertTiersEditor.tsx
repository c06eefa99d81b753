import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, StandardEditorProps } from '@grafana/data';
import { Button, IconButton, Input, RadioButtonGroup, Switch, useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { defaultAlertTierOptions, type AlertTierOption } from './types';

const severities = [
  { value: 'page' as const, label: 'Page' },
  { value: 'ticket' as const, label: 'Ticket' },
];

export interface AlertTiersEditorSettings {
  /**
   * Shown, not edited (the caller disables the inputs): no add, remove or reset buttons, which a
   * disabled fieldset would draw disabled while @grafana/ui still marks them aria-disabled="false".
   */
  readOnly?: boolean;
}

/** Edits the multiwindow burn-rate tiers: change, disable, remove, add, or go back to the defaults. */
export function AlertTiersEditor({
  value,
  onChange,
  item,
}: StandardEditorProps<AlertTierOption[], AlertTiersEditorSettings>) {
  const styles = useStyles2(getStyles);
  const readOnly = item.settings?.readOnly === true;
  const tiers = value ?? defaultAlertTierOptions;
  const update = (index: number, patch: Partial<AlertTierOption>) =>
    onChange(tiers.map((tier, i) => (i === index ? { ...tier, ...patch } : tier)));

  return (
    <div className={styles.container} data-testid={testIds.alertTiersEditor.container}>
      {tiers.map((tier, index) => {
        const name = `Alert tier ${index + 1}`;
        return (
          <fieldset key={index} className={styles.tier} aria-label={name}>
            <div className={styles.row}>
              <legend className={styles.legend}>{name}</legend>
              <Switch
                value={tier.enabled}
                aria-label={`${name} enabled`}
                onChange={(event) => update(index, { enabled: event.currentTarget.checked })}
              />
              {!readOnly && (
                <IconButton
                  name="trash-alt"
                  tooltip={`Remove ${name.toLowerCase()}`}
                  onClick={() => onChange(tiers.filter((_, i) => i !== index))}
                />
              )}
            </div>
            <RadioButtonGroup
              size="sm"
              options={severities}
              value={tier.severity}
              onChange={(severity) => update(index, { severity })}
            />
            <div className={styles.row}>
              <Input
                aria-label={`${name} long window`}
                prefix="Long"
                value={tier.longWindow}
                onChange={(event) => update(index, { longWindow: event.currentTarget.value.trim() })}
              />
              <Input
                aria-label={`${name} short window`}
                prefix="Short"
                value={tier.shortWindow}
                onChange={(event) => update(index, { shortWindow: event.currentTarget.value.trim() })}
              />
            </div>
            <Input
              type="number"
              aria-label={`${name} budget share (%)`}
              prefix="Budget share"
              suffix="%"
              min={0}
              max={100}
              value={tier.budgetShare}
              onChange={(event) => update(index, { budgetShare: event.currentTarget.valueAsNumber })}
            />
          </fieldset>
        );
      })}
      {!readOnly && (
        <div className={styles.row}>
          <Button
            size="sm"
            variant="secondary"
            icon="plus"
            data-testid={testIds.alertTiersEditor.add}
            onClick={() =>
              onChange([
                ...tiers,
                { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetShare: 10, enabled: true },
              ])
            }
          >
            Add tier
          </Button>
          <Button
            size="sm"
            variant="secondary"
            fill="text"
            data-testid={testIds.alertTiersEditor.reset}
            onClick={() => onChange(defaultAlertTierOptions)}
          >
            Reset to defaults
          </Button>
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  tier: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  legend: css({ flex: 1, fontSize: theme.typography.bodySmall.fontSize, margin: 0, float: 'left' }),
});
