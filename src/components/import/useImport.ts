import { useCallback, useState } from 'react';
import { readImportFile, type ImportFileOptions, type ImportFormat } from '../../spec/importFile';
import { planImport, type ImportPlan } from '../../spec/importPlan';
import type { LocatedError } from '../../spec';
import { listAllSlos, type StoredSlo, type StoreError } from '../../store';
import { runImport, type ImportOutcome } from './runImport';

export type ImportPhase =
  | { kind: 'editing' }
  | { kind: 'checking' }
  /** The file has problems: nothing is written. */
  | { kind: 'invalid'; format: ImportFormat; errors: LocatedError[]; notes: LocatedError[] }
  /** The stored SLOs could not be listed, so no plan could be made. */
  | { kind: 'listFailed'; error: StoreError }
  | { kind: 'planned'; format: ImportFormat; plan: ImportPlan<StoredSlo>; notes: LocatedError[] }
  | { kind: 'importing'; format: ImportFormat; plan: ImportPlan<StoredSlo>; notes: LocatedError[]; done: number }
  | { kind: 'done'; outcomes: ImportOutcome[] };

export interface ImportRequest extends ImportFileOptions {
  text: string;
  /** The folder of new SLOs whose file names none. */
  folderUid: string;
}

/**
 * The import's steps: check (read the file, list the stored SLOs, plan), then write the plan.
 * Any change to the file or the options makes a plan stale, so `reset` goes back to editing.
 */
export function useImport() {
  const [phase, setPhase] = useState<ImportPhase>({ kind: 'editing' });

  const check = useCallback(async ({ text, folderUid, datasource }: ImportRequest) => {
    const file = readImportFile(text, { datasource });
    if (!file.ok) {
      setPhase({ kind: 'invalid', format: file.format, errors: file.errors, notes: file.notes });
      return;
    }
    setPhase({ kind: 'checking' });
    const listed = await listAllSlos();
    if (!listed.ok) {
      setPhase({ kind: 'listFailed', error: listed.error });
      return;
    }
    const { slos, invalid } = listed.value;
    const plan = planImport(file.slos, slos, { folderUid, unreadableUids: invalid.map((slo) => slo.uid) });
    setPhase(
      plan.errors.length > 0
        ? { kind: 'invalid', format: file.format, errors: plan.errors, notes: file.notes }
        : { kind: 'planned', format: file.format, plan, notes: file.notes }
    );
  }, []);

  const write = useCallback(async (planned: Extract<ImportPhase, { kind: 'planned' }>) => {
    setPhase({ ...planned, kind: 'importing', done: 0 });
    const outcomes = await runImport(planned.plan, (done) =>
      setPhase((current) => (current.kind === 'importing' ? { ...current, done } : current))
    );
    setPhase({ kind: 'done', outcomes });
  }, []);

  const reset = useCallback(
    () => setPhase((current) => (current.kind === 'editing' ? current : { kind: 'editing' })),
    []
  );

  return { phase, check, write, reset };
}
