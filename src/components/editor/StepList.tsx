import React from 'react';
import { Tab, TabsBar } from '@grafana/ui';
import type { SpecError } from '../../spec/types';
import { testIds } from '../testIds';
import { EDITOR_STEPS, errorsOfStep, type EditorStep } from './steps';

interface StepListProps {
  current: EditorStep;
  /** The errors shown so far: a step with any is marked, with their count. */
  errors: SpecError[];
  onSelect: (step: EditorStep) => void;
}

/** The editor's steps as tabs: any step can be opened at any time. */
export function StepList({ current, errors, onSelect }: StepListProps) {
  return (
    <TabsBar>
      {EDITOR_STEPS.map(({ step, title }, index) => {
        const count = errorsOfStep(errors, step).length;
        return (
          <Tab
            key={step}
            label={`${index + 1}. ${title}`}
            active={step === current}
            icon={count > 0 ? 'exclamation-triangle' : undefined}
            counter={count > 0 ? count : null}
            tooltip={count > 0 ? `${title} has ${count === 1 ? 'a problem' : `${count} problems`} to fix` : undefined}
            data-testid={testIds.editor.step(step)}
            onChangeTab={() => onSelect(step)}
          />
        );
      })}
    </TabsBar>
  );
}
