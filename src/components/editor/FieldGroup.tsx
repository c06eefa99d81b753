import React, { useId } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { FieldValidationMessage, Label, useStyles2 } from '@grafana/ui';

interface FieldGroupProps {
  label: string;
  description?: string;
  /** The group's errors as one message, or undefined. */
  error?: string;
  'data-testid'?: string;
  children: React.ReactNode;
}

/**
 * A labelled group of several controls with its errors, like a Field. Not a Field: a Field gives
 * every control inside it the same id, so radio groups inside would share one name.
 */
export function FieldGroup({ label, description, error, children, ...rest }: FieldGroupProps) {
  const styles = useStyles2(getStyles);
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className={styles.group} data-testid={rest['data-testid']}>
      <Label id={labelId} description={description}>
        {label}
      </Label>
      {children}
      {error !== undefined && <FieldValidationMessage className={styles.message}>{error}</FieldValidationMessage>}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  group: css({ display: 'flex', flexDirection: 'column', marginBottom: theme.spacing(2) }),
  message: css({ marginTop: theme.spacing(0.5), alignSelf: 'flex-start' }),
});
