import React, { useCallback, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Stack, TabContent, useStyles2 } from '@grafana/ui';
import type { SloSpec } from '../../spec/types';
import type { GrafanaFolder, StoredSlo, StoreError } from '../../store';
import { testIds } from '../testIds';
import { AlertingStep } from './AlertingStep';
import { DetailsStep } from './DetailsStep';
import { ObjectiveStep } from './ObjectiveStep';
import { ReviewStep } from './ReviewStep';
import { SaveProblem } from './SaveProblem';
import { SliStep } from './SliStep';
import { StepList } from './StepList';
import { EDITOR_STEPS, nextStep, previousStep, type EditorStep } from './steps';
import { useLeaveWarning } from './useLeaveWarning';
import { useSaveSlo } from './useSaveSlo';
import { useSloForm } from './useSloForm';

const ALL_STEPS = EDITOR_STEPS.map(({ step }) => step);

interface SloEditorProps {
  /** The stored SLO being edited; null for a new SLO. */
  opened: StoredSlo | null;
  /** What the form starts with: the stored SLO, or a new one from the app's settings. */
  initial: SloSpec;
  /** The folders the user may save SLOs in. */
  folders: GrafanaFolder[];
  onSaved: (stored: StoredSlo) => void;
  onCancel: () => void;
}

/** The SLO editor: the steps, their fields, and saving with every way a save can fail. */
export function SloEditor({ opened, initial, folders, onSaved, onCancel }: SloEditorProps) {
  const styles = useStyles2(getStyles);
  const editor = useSloForm(initial, opened === null);
  const { check, setServerErrors, reset, update } = editor;
  const [step, setStep] = useState<EditorStep>('sli');

  const onInvalid = useCallback(
    (error: StoreError & { kind: 'invalid' }) => {
      setServerErrors(error.errors);
      check(ALL_STEPS);
    },
    [check, setServerErrors]
  );
  const onReloaded = useCallback((stored: StoredSlo) => reset(stored.slo), [reset]);
  const saver = useSaveSlo({ opened, onSaved, onInvalid, onReloaded });
  const busy = saver.state.kind === 'busy';
  const saveLabel = saver.state.kind === 'busy' ? saver.state.doing : opened ? 'Save SLO' : 'Create SLO';
  useLeaveWarning(editor.dirty);

  const next = () => {
    if (check([step]).length === 0) {
      setStep(nextStep(step));
    }
  };
  /** Runs a save with the SLO when every step is valid; otherwise shows every problem. */
  const withValidSlo = (action: (slo: SloSpec) => void) => () => {
    check(ALL_STEPS);
    if (editor.result.ok) {
      action(editor.result.slo);
    } else {
      setStep('review');
    }
  };

  return (
    <div className={styles.editor} data-testid={testIds.editor.container}>
      <StepList current={step} errors={editor.shownErrors} onSelect={setStep} />
      <TabContent className={styles.content} data-testid={testIds.editor.stepContent(step)}>
        {step === 'sli' && (
          <SliStep
            slo={editor.slo}
            errors={editor.shownErrors}
            onChange={(sli) => update((form) => ({ ...form, sli }))}
          />
        )}
        {step === 'objective' && (
          <ObjectiveStep
            objective={editor.form.objective}
            errors={editor.shownErrors}
            onChange={(objective) => update((form) => ({ ...form, objective }))}
          />
        )}
        {step === 'alerting' && (
          <AlertingStep
            alerting={editor.form.alerting}
            errors={editor.shownErrors}
            onChange={(alerting) => update((form) => ({ ...form, alerting }))}
          />
        )}
        {step === 'details' && (
          <DetailsStep
            details={editor.form}
            errors={editor.shownErrors}
            folders={folders}
            onChange={(patch) => update((form) => ({ ...form, ...patch }))}
          />
        )}
        {step === 'review' && (
          <ReviewStep slo={editor.slo} errors={editor.shownErrors} folders={folders} onGoTo={setStep} />
        )}
      </TabContent>
      {saver.state.kind === 'failed' && (
        <SaveProblem
          error={saver.state.error}
          retry={saver.state.retry}
          seen={saver.seen}
          yours={editor.slo}
          busy={busy}
          onReload={saver.reload}
          onOverwrite={withValidSlo(saver.overwrite)}
          onSaveAsNew={withValidSlo(saver.saveAsNew)}
        />
      )}
      <Stack direction="row" gap={1} justifyContent="space-between">
        <Button variant="secondary" fill="outline" data-testid={testIds.editor.cancel} onClick={onCancel}>
          Cancel
        </Button>
        <Stack direction="row" gap={1}>
          {step !== 'sli' && (
            <Button variant="secondary" data-testid={testIds.editor.back} onClick={() => setStep(previousStep(step))}>
              Back
            </Button>
          )}
          {step === 'review' ? (
            <Button
              icon={busy ? 'spinner' : 'save'}
              disabled={busy}
              data-testid={testIds.editor.save}
              onClick={withValidSlo(saver.save)}
            >
              {saveLabel}
            </Button>
          ) : (
            <Button data-testid={testIds.editor.next} onClick={next}>
              Next
            </Button>
          )}
        </Stack>
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  editor: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(2),
    maxWidth: theme.breakpoints.values.lg,
  }),
  content: css({ paddingTop: theme.spacing(2) }),
});
