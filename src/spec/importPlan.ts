/**
 * The dry run of an import: for each SLO of the file, whether it is created, changes a stored SLO
 * of the same uid (and which fields), or is the same as stored and skipped. Nothing is written
 * here; the page writes what the plan says, against the versions the plan read.
 */
import { canonicalSlo } from './canonical';
import { sloChanges, type SloChange } from './changes';
import type { LocatedError } from './errorPaths';
import type { SloSpec } from './types';

/** What the plan needs of a stored SLO; the store's `StoredSlo` (with its version) is one. */
export interface StoredForImport {
  slo: SloSpec;
}

export type PlannedImport<S extends StoredForImport = StoredForImport> =
  | { action: 'create'; slo: SloSpec }
  | { action: 'update'; slo: SloSpec; stored: S; changes: SloChange[] }
  | { action: 'unchanged'; slo: SloSpec; stored: S }
  /** A library panel of the SLO panel type has the uid but does not read as an SLO: nothing is written over it. */
  | { action: 'blocked'; slo: SloSpec; reason: string };

export interface ImportPlan<S extends StoredForImport = StoredForImport> {
  items: Array<PlannedImport<S>>;
  /** Problems of the file as a whole (two SLOs with one uid): while there are any, nothing is written. */
  errors: LocatedError[];
}

export interface ImportPlanOptions {
  /** The folder of new SLOs whose file names none ('' is General). */
  folderUid: string;
  /** Uids of stored library panels of the SLO type that do not read as SLOs. */
  unreadableUids?: readonly string[];
}

function duplicateErrors(slos: readonly SloSpec[]): LocatedError[] {
  const byUid = new Map<string, SloSpec[]>();
  for (const slo of slos) {
    byUid.set(slo.uid, [...(byUid.get(slo.uid) ?? []), slo]);
  }
  return [...byUid.entries()]
    .filter(([, same]) => same.length > 1)
    .map(([uid, same]) => ({
      path: 'uid',
      message: `is "${uid}" for ${same.length} SLOs of the file (${same.map((slo) => `"${slo.name}"`).join(', ')}): each SLO needs its own uid`,
    }));
}

/**
 * Plans the import of `parsed` over the `stored` SLOs. An SLO whose file names no folder goes to
 * `folderUid` when it is new, and stays in its folder when it is stored already (a file from
 * elsewhere does not move SLOs; one that names a folder does).
 */
export function planImport<S extends StoredForImport>(
  parsed: readonly SloSpec[],
  stored: readonly S[],
  options: ImportPlanOptions
): ImportPlan<S> {
  const storedByUid = new Map(stored.map((entry) => [entry.slo.uid, entry]));
  const unreadable = new Set(options.unreadableUids ?? []);
  const items = parsed.map((imported): PlannedImport<S> => {
    const current = storedByUid.get(imported.uid);
    const folderUid = imported.folderUid !== '' ? imported.folderUid : (current?.slo.folderUid ?? options.folderUid);
    const slo = { ...imported, folderUid };
    if (unreadable.has(slo.uid)) {
      return {
        action: 'blocked',
        slo,
        reason: `A library panel with the uid "${slo.uid}" exists but does not read as an SLO: fix or delete it in Grafana first, or give this SLO another uid.`,
      };
    }
    if (!current) {
      return { action: 'create', slo };
    }
    const changes = sloChanges(canonicalSlo(current.slo), canonicalSlo(slo));
    return changes.length === 0
      ? { action: 'unchanged', slo, stored: current }
      : { action: 'update', slo, stored: current, changes };
  });
  return { items, errors: duplicateErrors(parsed) };
}

/** How many SLOs the plan writes (creates and updates). */
export function writesOf(plan: ImportPlan): number {
  return plan.items.filter((item) => item.action === 'create' || item.action === 'update').length;
}
