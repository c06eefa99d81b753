import type { SpecError } from '../../spec/types';
import { testIds } from '../testIds';
import { errorText, errorsAt } from './fieldNames';

/** A Field's error state and test id for the spec path it edits. */
export function fieldProps(errors: SpecError[], path: string) {
  const error = errorText(errorsAt(errors, path));
  return { invalid: error !== undefined, error, 'data-testid': testIds.editor.field(path) };
}
