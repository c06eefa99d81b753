import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, PanelProps } from '@grafana/data';
import { Text, useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { describeObjective } from './objective';
import type { SloPanelOptions } from './types';

export function SloPanel({ options }: PanelProps<SloPanelOptions>) {
  const styles = useStyles2(getStyles);

  return (
    <div className={styles.container} data-testid={testIds.sloPanel.container}>
      <Text element="h2" variant="h4">
        Nines SLO panel
      </Text>
      <div data-testid={testIds.sloPanel.objective}>
        <Text color="secondary">{describeObjective(options)}</Text>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: theme.spacing(1),
    height: '100%',
    padding: theme.spacing(1),
  }),
});
