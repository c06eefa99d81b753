import React from 'react';
import { Field, FileDropzone, Stack, TextArea } from '@grafana/ui';
import { testIds } from '../testIds';

export interface ImportSourceProps {
  text: string;
  onChange: (text: string) => void;
}

/** The YAML to import: pasted, or read as text from a chosen or dropped file. */
export function ImportSource({ text, onChange }: ImportSourceProps) {
  return (
    <Stack direction="column" gap={1}>
      <Field
        label="OpenSLO or Sloth YAML"
        description="OpenSLO v1 (one or more documents, inline or referenced SLIs) or Sloth prometheus/v1"
        noMargin
      >
        <TextArea
          id="nines-import-yaml"
          data-testid={testIds.import.yaml}
          rows={14}
          spellCheck={false}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          placeholder="apiVersion: openslo/v1"
        />
      </Field>
      <div data-testid={testIds.import.file}>
        {/* The label names the dropzone's file input, which has none of its own. */}
        <Field label="Or a YAML file" description="Its text replaces the text above" noMargin>
          <FileDropzone
            id="nines-import-file"
            readAs="readAsText"
            options={{ accept: ['.yaml', '.yml'], multiple: false }}
            onLoad={(result) => onChange(typeof result === 'string' ? result : '')}
            fileListRenderer={() => null}
          />
        </Field>
      </div>
    </Stack>
  );
}
