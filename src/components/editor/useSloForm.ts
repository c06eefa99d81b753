import { useCallback, useMemo, useState } from 'react';
import { formToSlo, sloToForm, type FormResult, type SloForm } from '../../spec/form';
import { newSloUid, uidSuffix } from '../../spec/sloUid';
import type { SloSpec, SpecError } from '../../spec/types';
import { errorsOfStep, stepOf, type EditorStep } from './steps';

export interface SloFormState {
  form: SloForm;
  result: FormResult;
  /** The SLO the form describes, as well as it can be read (for the SLI preview and the review). */
  slo: SloSpec;
  /** Every error now: the form's and those Grafana gave at the last save. */
  errors: SpecError[];
  /** The errors of the steps checked so far (by Next or Save): what the fields show. */
  shownErrors: SpecError[];
  /** Whether the form differs from what was loaded or last saved. */
  dirty: boolean;
  update: (change: (form: SloForm) => SloForm) => void;
  /** Shows the errors of these steps from now on; gives those errors. */
  check: (steps: EditorStep[]) => SpecError[];
  /** Errors Grafana found at a save (a taken name, a missing folder); they go at the next change. */
  setServerErrors: (errors: SpecError[]) => void;
  /** Starts again from this SLO (reloaded from the server), discarding the edits. */
  reset: (slo: SloSpec) => void;
}

/**
 * The form of one SLO. A new SLO's uid follows its name (a slug and a suffix fixed for the
 * session) until it is saved: it is created with whatever uid the name gives at that moment.
 */
export function useSloForm(initial: SloSpec, creating: boolean): SloFormState {
  const [suffix] = useState(() => uidSuffix());
  const withUid = useCallback(
    (form: SloForm): SloForm => (creating ? { ...form, uid: newSloUid(form.name, suffix) } : form),
    [creating, suffix]
  );
  const [start, setStart] = useState(() => withUid(sloToForm(initial)));
  const [form, setForm] = useState(start);
  const [checked, setChecked] = useState<ReadonlySet<EditorStep>>(new Set());
  const [serverErrors, setServerErrors] = useState<SpecError[]>([]);

  const result = useMemo(() => formToSlo(form), [form]);
  const errors = useMemo(() => [...(result.ok ? [] : result.errors), ...serverErrors], [result, serverErrors]);
  const shownErrors = useMemo(() => errors.filter((error) => checked.has(stepOf(error.path))), [errors, checked]);
  const dirty = useMemo(() => JSON.stringify(form) !== JSON.stringify(start), [form, start]);

  const update = useCallback(
    (change: (form: SloForm) => SloForm) => {
      setForm((current) => withUid(change(current)));
      setServerErrors([]);
    },
    [withUid]
  );

  const check = useCallback(
    (steps: EditorStep[]) => {
      setChecked((current) => new Set([...current, ...steps]));
      return steps.flatMap((step) => errorsOfStep(errors, step));
    },
    [errors]
  );

  const reset = useCallback((slo: SloSpec) => {
    const form = sloToForm(slo);
    setStart(form);
    setForm(form);
    setServerErrors([]);
  }, []);

  return {
    form,
    result,
    slo: result.ok ? result.slo : result.draft,
    errors,
    shownErrors,
    dirty,
    update,
    check,
    setServerErrors,
    reset,
  };
}
