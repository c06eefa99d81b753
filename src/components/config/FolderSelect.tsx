import React from 'react';
import { Combobox, type ComboboxOption } from '@grafana/ui';
import type { GrafanaFolder } from '../../store';

// The General folder ('') goes by its search name in the options, so that no option is empty.
const GENERAL = 'general';
const toOption = (uid: string) => (uid === '' ? GENERAL : uid);
const fromOption = (value: string) => (value === GENERAL ? '' : value);

export interface FolderSelectProps {
  inputId: string;
  folders: GrafanaFolder[];
  /** '' is General; null when none is chosen. */
  value: string | null;
  onChange: (folderUid: string) => void;
  disabled?: boolean;
}

/** A folder among `folders`; a chosen folder that is not among them stays shown by its uid. */
export function FolderSelect({ inputId, folders, value, onChange, disabled }: FolderSelectProps) {
  const options: Array<ComboboxOption<string>> = folders.map((folder) => ({
    label: folder.title,
    value: toOption(folder.uid),
  }));
  if (value !== null && !folders.some((folder) => folder.uid === value)) {
    options.push({ label: value === '' ? 'General' : value, value: toOption(value) });
  }
  return (
    <Combobox
      id={inputId}
      options={options}
      value={value === null ? null : toOption(value)}
      onChange={(option) => onChange(fromOption(option.value))}
      placeholder="Choose a folder"
      disabled={disabled}
      width={40}
    />
  );
}
