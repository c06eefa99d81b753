/**
 * Writes what an import plan says, one SLO after the other: creates new SLOs and updates stored
 * ones against the version the plan read, so that an SLO someone saved since the check is reported
 * as a conflict and never overwritten. When Grafana cannot be reached (or the user is signed out),
 * the rest is not attempted, and the outcome says which SLOs were written and which not.
 */
import type { ImportPlan, PlannedImport } from '../../spec/importPlan';
import { createSlo, type StoredSlo, type StoreError, updateSlo } from '../../store';

export type ImportOutcome = { uid: string; name: string } & (
  | { status: 'created' | 'updated' }
  | { status: 'unchanged' }
  | { status: 'failed'; message: string; error?: StoreError }
  | { status: 'notAttempted'; message: string }
);

export type ImportStatus = ImportOutcome['status'];

function conflictMessage(error: Extract<StoreError, { kind: 'conflict' }>, name: string): string {
  const current = error.current;
  const by = current?.updatedBy ? ` by ${current.updatedBy}` : '';
  const version = current ? ` (now version ${current.version}${by})` : '';
  return `Not written: someone saved "${name}"${version} after the check. Check the file again to see their changes.`;
}

async function write(item: PlannedImport<StoredSlo>): Promise<ImportOutcome> {
  const { uid, name } = item.slo;
  switch (item.action) {
    case 'unchanged':
      return { uid, name, status: 'unchanged' };
    case 'blocked':
      return { uid, name, status: 'failed', message: item.reason };
    case 'create': {
      const saved = await createSlo(item.slo);
      return saved.ok
        ? { uid, name, status: 'created' }
        : { uid, name, status: 'failed', message: saved.error.message, error: saved.error };
    }
    case 'update': {
      const saved = await updateSlo(item.slo, item.stored.version, { view: item.stored.view });
      if (saved.ok) {
        return { uid, name, status: 'updated' };
      }
      const message = saved.error.kind === 'conflict' ? conflictMessage(saved.error, name) : saved.error.message;
      return { uid, name, status: 'failed', message, error: saved.error };
    }
  }
}

/** Whether a failure means that the next SLOs would fail the same way. */
function stopsTheImport(outcome: ImportOutcome): boolean {
  return outcome.status === 'failed' && (outcome.error?.kind === 'network' || outcome.error?.status === 401);
}

export async function runImport(
  plan: ImportPlan<StoredSlo>,
  onProgress: (done: number) => void = () => undefined
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  let stopped = false;
  for (const item of plan.items) {
    const { uid, name } = item.slo;
    if (stopped) {
      outcomes.push({ uid, name, status: 'notAttempted', message: 'Not attempted: the import stopped before it.' });
      continue;
    }
    const outcome = await write(item);
    outcomes.push(outcome);
    stopped = stopsTheImport(outcome);
    onProgress(outcomes.length);
  }
  return outcomes;
}
