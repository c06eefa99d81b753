import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Stack, Tag, Text, useStyles2 } from '@grafana/ui';
import { parseWindow } from '../../engine';
import type { AlertTierOption, SloSpec, SpecError } from '../../spec/types';
import { GENERAL_FOLDER_TITLE, type GrafanaFolder } from '../../store';
import { formatObjective } from '../slo/format';
import { describeSli, windowInWords } from '../slos/sloList';
import { testIds } from '../testIds';
import { describeError } from './fieldNames';
import { EDITOR_STEPS, stepOf, type EditorStep } from './steps';

interface ReviewStepProps {
  slo: SloSpec;
  /** Every error of the SLO, shown or not yet. */
  errors: SpecError[];
  folders: GrafanaFolder[];
  onGoTo: (step: EditorStep) => void;
}

function budgetingInWords({ budgetingMethod, timeSliceWindow, timeSliceTarget }: SloSpec['objective']): string {
  switch (budgetingMethod) {
    case 'Occurrences':
      return 'Occurrences: good events out of all events';
    case 'Timeslices':
      return `Timeslices of ${timeSliceWindow}, good at ${timeSliceTarget === 0 ? 'the target' : formatObjective(timeSliceTarget)}`;
    case 'RatioTimeslices':
      return `Ratio timeslices of ${timeSliceWindow}`;
  }
}

function tierInWords(tier: AlertTierOption): string {
  const severity = tier.severity === 'page' ? 'Page' : 'Ticket';
  const off = tier.enabled ? '' : ' (off)';
  return `${severity} when ${tier.budgetShare}% of the budget burns in ${tier.longWindow} (checked over ${tier.shortWindow})${off}`;
}

/** The SLO in words before it is saved, and what is left to fix, with the step that fixes it. */
export function ReviewStep({ slo, errors, folders, onGoTo }: ReviewStepProps) {
  const styles = useStyles2(getStyles);
  const { objective, alerting } = slo;
  const folder = folders.find((entry) => entry.uid === slo.folderUid)?.title ?? (slo.folderUid || GENERAL_FOLDER_TITLE);
  const calendar = parseWindow(objective.window)?.kind === 'calendar';
  const labels = Object.entries(slo.labels);
  const facts: Array<[string, React.ReactNode]> = [
    ['Name', slo.name || '–'],
    ['Service', slo.service || '–'],
    ['Team', slo.team || '–'],
    ['Description', slo.description || '–'],
    ['SLI', `${describeSli(slo)}, datasource ${slo.sli.datasource.uid || '–'}`],
    ['Objective', `${formatObjective(objective.target)} over ${windowInWords(objective.window).toLowerCase()}`],
    ['Budgeting', budgetingInWords(objective)],
    ...(calendar ? [['Time zone', objective.timeZone] as [string, string]] : []),
    [
      'Alerts',
      alerting.tiers.length === 0 ? (
        'None'
      ) : (
        <ul className={styles.list}>
          {alerting.tiers.map((tier, index) => (
            <li key={index}>{tierInWords(tier)}</li>
          ))}
        </ul>
      ),
    ],
    ['Minimum events', alerting.minEvents === 0 ? 'No guard' : String(alerting.minEvents)],
    [
      'Labels',
      labels.length === 0 ? (
        '–'
      ) : (
        <Stack direction="row" gap={1} wrap="wrap">
          {labels.map(([name, value]) => (
            <Tag key={name} name={`${name}=${value}`} />
          ))}
        </Stack>
      ),
    ],
    ['Runbook', slo.runbookUrl || '–'],
    ['Folder', folder],
    ['UID', slo.uid],
  ];
  return (
    <Stack direction="column" gap={2}>
      {errors.length > 0 && <ErrorList errors={errors} onGoTo={onGoTo} />}
      <dl className={styles.facts} data-testid={testIds.editor.review}>
        {facts.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
    </Stack>
  );
}

function ErrorList({ errors, onGoTo }: { errors: SpecError[]; onGoTo: (step: EditorStep) => void }) {
  const styles = useStyles2(getStyles);
  const titles = new Map(EDITOR_STEPS.map(({ step, title }) => [step, title]));
  return (
    <div data-testid={testIds.editor.reviewErrors}>
      <Alert
        severity="warning"
        title={`${errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix before saving`}
      >
        <ul className={styles.list}>
          {errors.map((error, index) => {
            const step = stepOf(error.path);
            return (
              <li key={index}>
                <Text>{describeError(error)}</Text>{' '}
                {step !== 'review' && (
                  <Button size="sm" fill="text" onClick={() => onGoTo(step)}>
                    Go to {titles.get(step)}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </Alert>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  facts: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(1, 3),
    margin: 0,
    dt: { color: theme.colors.text.secondary },
    dd: { margin: 0, overflowWrap: 'anywhere' },
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
