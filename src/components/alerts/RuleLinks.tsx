import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, TextLink, useStyles2 } from '@grafana/ui';
import { alertRuleUrl, type StoredAlertRule } from '../../store';

/** Links to an SLO's alert rules in Grafana Alerting, optionally with each rule's severity. */
export function RuleLinks({
  rules,
  severities = false,
  testId,
}: {
  rules: StoredAlertRule[];
  severities?: boolean;
  testId: string;
}) {
  const styles = useStyles2(getStyles);
  return (
    <ul className={styles.list} data-testid={testId}>
      {rules.map((rule) => {
        const severity = rule.key.split(' ')[0];
        return (
          <li key={rule.uid}>
            <TextLink href={alertRuleUrl(rule.uid)} inline={false}>
              {rule.title}
            </TextLink>
            {severities && (
              <>
                {' '}
                <Badge text={severity} color={severity === 'page' ? 'red' : 'orange'} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

// No bullets: in a drawer they would hang outside its padding.
const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
});
