import React from 'react';
import { Alert, Text } from '@grafana/ui';
import type { LocatedError } from '../../spec';
import { describeLocatedError } from '../../spec/importFile';
import { testIds } from '../testIds';

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/** Every problem of the file, each with its document and path; nothing is written while there are any. */
export function ImportErrors({ errors }: { errors: LocatedError[] }) {
  return (
    <div data-testid={testIds.import.errors}>
      <Alert severity="error" title={`The file has ${plural(errors.length, 'problem')}: nothing was imported`}>
        <ul>
          {errors.map((error, index) => (
            <li key={index}>
              <Text>{describeLocatedError(error)}</Text>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}

/** What the file says that was imported differently, or not at all. */
export function ImportNotes({ notes }: { notes: LocatedError[] }) {
  return (
    <div data-testid={testIds.import.notes}>
      <Alert severity="info" title="Imported differently">
        <ul>
          {notes.map((note, index) => (
            <li key={index}>
              <Text>{describeLocatedError(note)}</Text>
            </li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
