import React from 'react';
import { Button } from '@grafana/ui';

interface AddRowButtonProps {
  testId: string;
  onClick: () => void;
  children: React.ReactNode;
}

/** The small button under a list of editable rows that appends a blank row. */
export function AddRowButton({ testId, onClick, children }: AddRowButtonProps) {
  return (
    <div>
      <Button size="sm" variant="secondary" icon="plus" data-testid={testId} onClick={onClick}>
        {children}
      </Button>
    </div>
  );
}
