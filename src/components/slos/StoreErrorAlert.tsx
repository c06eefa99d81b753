import React from 'react';
import { Alert, Button, Stack, Text } from '@grafana/ui';

export interface StoreErrorAlertProps {
  testId: string;
  title: string;
  message: string;
  severity?: 'error' | 'warning';
  /** Shows a Retry button when given; leave it out when asking again cannot help. */
  onRetry?: () => void;
}

/** A failed read from Grafana: what could not be done, the store's message, and Retry. */
export function StoreErrorAlert({ testId, title, message, severity = 'error', onRetry }: StoreErrorAlertProps) {
  return (
    <div data-testid={testId}>
      <Alert severity={severity} title={title}>
        <Stack direction="column" gap={1} alignItems="flex-start">
          <Text element="p">{message}</Text>
          {onRetry && (
            <Button variant="secondary" icon="sync" onClick={onRetry}>
              Retry
            </Button>
          )}
        </Stack>
      </Alert>
    </div>
  );
}
