import React from 'react';
import { Combobox, Field, Input, Stack, Text, TextArea } from '@grafana/ui';
import type { SloForm } from '../../spec/form';
import { MAX_DESCRIPTION_LENGTH } from '../../spec/validate';
import type { SpecError } from '../../spec/types';
import type { GrafanaFolder } from '../../store';
import { fieldProps } from './fieldProps';
import { FieldGroup } from './FieldGroup';
import { LabelsEditor } from './LabelsEditor';

type Details = Pick<
  SloForm,
  'uid' | 'name' | 'description' | 'service' | 'team' | 'labels' | 'runbookUrl' | 'folderUid'
>;

interface DetailsStepProps {
  details: Details;
  onChange: (patch: Partial<Details>) => void;
  errors: SpecError[];
  /** The folders the user may save SLOs in. */
  folders: GrafanaFolder[];
}

type TextField = 'name' | 'service' | 'team' | 'runbookUrl';

const TEXT_FIELDS: Array<{ key: TextField; label: string; description: string }> = [
  { key: 'name', label: 'Name', description: 'What the SLO promises, e.g. Checkout availability' },
  { key: 'service', label: 'Service', description: 'The service whose users the SLO is about' },
  { key: 'team', label: 'Team', description: 'Who owns the SLO (optional)' },
];

/** Who and what the SLO is about, and where it is kept. */
export function DetailsStep({ details, onChange, errors, folders }: DetailsStepProps) {
  const field = (path: string) => fieldProps(errors, path);
  const labelErrors = errors.filter((error) => error.path.startsWith('labels'));
  const folderOptions = folders.map((folder) => ({ value: folder.uid, label: folder.title }));
  return (
    <Stack direction="column" gap={0}>
      {TEXT_FIELDS.map(({ key, label, description }) => (
        <Field key={key} label={label} description={description} required={key !== 'team'} {...field(key)}>
          <Input
            id={`nines-details-${key}`}
            value={details[key]}
            onChange={(event) => onChange({ [key]: event.currentTarget.value })}
          />
        </Field>
      ))}
      <Field label="Description" description={`At most ${MAX_DESCRIPTION_LENGTH} characters`} {...field('description')}>
        <TextArea
          id="nines-details-description"
          rows={3}
          value={details.description}
          onChange={(event) => onChange({ description: event.currentTarget.value })}
        />
      </Field>
      <FieldGroup label="Labels" description="Kept with the SLO and put on its recording and alert rules">
        <LabelsEditor labels={details.labels} errors={labelErrors} onChange={(labels) => onChange({ labels })} />
      </FieldGroup>
      <Field
        label="Runbook URL"
        description="An http or https link for whoever gets the alert"
        {...field('runbookUrl')}
      >
        <Input
          id="nines-details-runbookUrl"
          placeholder="https://"
          value={details.runbookUrl}
          onChange={(event) => onChange({ runbookUrl: event.currentTarget.value.trim() })}
        />
      </Field>
      <Field label="Folder" description="Who may edit the SLO follows the folder's permissions" {...field('folderUid')}>
        <Combobox
          id="nines-details-folder"
          width={40}
          options={folderOptions}
          value={details.folderUid}
          onChange={(option) => onChange({ folderUid: option.value })}
        />
      </Field>
      <Field
        label="UID"
        description="The SLO's identifier in URLs and Grafana's API; fixed once the SLO is saved"
        {...field('uid')}
      >
        <>
          <Text element="p" variant="code">
            {details.uid}
          </Text>
        </>
      </Field>
    </Stack>
  );
}
