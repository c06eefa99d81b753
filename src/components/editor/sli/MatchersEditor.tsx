import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2, SelectableValue } from '@grafana/data';
import { FieldValidationMessage, IconButton, Input, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { AddRowButton } from '../AddRowButton';
import { FieldGroup } from '../FieldGroup';
import { errorAt, errorExactlyAt } from '../../../spec/sliFieldErrors';
import type { LabelMatcher, MatchOp, SpecError } from '../../../spec/types';
import { testIds } from '../../testIds';

const OPS: Array<SelectableValue<MatchOp>> = [
  { value: '=', label: '=', description: 'equals' },
  { value: '!=', label: '!=', description: 'does not equal' },
  { value: '=~', label: '=~', description: 'matches the regular expression' },
  { value: '!~', label: '!~', description: 'does not match the regular expression' },
];

export interface MatchersEditorProps {
  /** Which list of the builder: its spec path is `sli.source.<list>`. */
  list: 'matchers' | 'eventMatchers';
  label: string;
  description: string;
  /** How one row is named, e.g. "Matcher" gives "Matcher 1 label". */
  rowName: string;
  matchers: LabelMatcher[];
  onChange: (matchers: LabelMatcher[]) => void;
  errors: SpecError[];
}

/** Rows of label matchers (label, operator, value) that the user adds and removes. */
export function MatchersEditor({ list, label, description, rowName, matchers, onChange, errors }: MatchersEditorProps) {
  const styles = useStyles2(getStyles);
  const path = `sli.source.${list}`;
  const listError = errorExactlyAt(errors, path);
  const update = (index: number, patch: Partial<LabelMatcher>) =>
    onChange(matchers.map((matcher, i) => (i === index ? { ...matcher, ...patch } : matcher)));

  return (
    // A group, not a Field: a Field would give each row's operator radios one shared name.
    <FieldGroup label={label} description={description} error={listError}>
      <div className={styles.rows} data-testid={testIds.sliStep.matchers(list)}>
        {matchers.map((matcher, index) => {
          const rowPath = `${path}[${index}]`;
          const rowError = errorAt(errors, rowPath);
          const name = `${rowName} ${index + 1}`;
          return (
            <div key={index}>
              <div className={styles.row}>
                <Input
                  className={styles.text}
                  aria-label={`${name} label`}
                  placeholder="label"
                  value={matcher.name}
                  invalid={errorAt(errors, `${rowPath}.name`) !== undefined}
                  onChange={(event) => update(index, { name: event.currentTarget.value.trim() })}
                />
                <RadioButtonGroup
                  className={styles.op}
                  aria-label={`${name} operator`}
                  size="sm"
                  options={OPS}
                  value={matcher.op}
                  invalid={errorAt(errors, `${rowPath}.op`) !== undefined}
                  onChange={(op) => update(index, { op })}
                />
                <Input
                  className={styles.text}
                  aria-label={`${name} value`}
                  placeholder="value"
                  value={matcher.value}
                  invalid={errorAt(errors, `${rowPath}.value`) !== undefined}
                  onChange={(event) => update(index, { value: event.currentTarget.value })}
                />
                <IconButton
                  name="trash-alt"
                  tooltip={`Remove ${name.toLowerCase()}`}
                  onClick={() => onChange(matchers.filter((_, i) => i !== index))}
                />
              </div>
              {rowError !== undefined && (
                <div data-testid={testIds.sliStep.matcherError(list, index)}>
                  <FieldValidationMessage className={styles.message}>{rowError}</FieldValidationMessage>
                </div>
              )}
            </div>
          );
        })}
        <AddRowButton
          testId={testIds.sliStep.addMatcher(list)}
          onClick={() => onChange([...matchers, { name: '', op: '=', value: '' }])}
        >
          Add {rowName.toLowerCase()}
        </AddRowButton>
      </div>
    </FieldGroup>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  rows: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  // The operators keep their width; the label and value share the rest.
  op: css({ flexShrink: 0 }),
  text: css({ flex: 1, minWidth: 0 }),
  message: css({ whiteSpace: 'pre-line' }),
});
