/**
 * The demo's example SLOs (provisioning/slos/*.yaml, OpenSLO v1) as the library panels Nines stores
 * them as. The seed script posts them to Grafana; the test host holds them from start-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { openSloToSlo } from '../../src/spec/openslo';
import { sloToLibraryPanel } from '../../src/spec/libraryPanel';
import type { LibraryPanelBody } from '../../src/spec/libraryPanelModel';

/** The provisioned Prometheus (provisioning/datasources/prometheus.yaml): the files name none. */
export const DEMO_DATASOURCE = { uid: 'prometheus', type: 'prometheus' };

/** The library panels of every SLO in the folder's .yaml/.yml files, sorted by file name; throws on any problem. */
export function readExampleSlos(dir: string): LibraryPanelBody[] {
  const files = readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
  return files.flatMap((file) => {
    const read = openSloToSlo(readFileSync(join(dir, file), 'utf8'), { datasource: DEMO_DATASOURCE });
    if (!read.ok) {
      const problems = read.errors.map((error) => `  ${error.path}: ${error.message}`).join('\n');
      throw new Error(`${join(dir, file)}: not an SLO Nines can read:\n${problems}`);
    }
    return read.slos.map((slo) => sloToLibraryPanel(slo));
  });
}
