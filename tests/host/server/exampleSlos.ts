/**
 * The demo's example SLOs (provisioning/slos, OpenSLO v1): the docker demo imports them into
 * Grafana with a one-shot seed service, so the host holds them as library elements from start-up.
 */
import fs from 'fs';
import path from 'path';

import { readExampleSlos } from '../../../scripts/demo/exampleSlos';
import { isRecord } from './json';
import type { LibraryElementSeed } from './libraryElements';

/** The example SLOs of a provisioning folder as library element seeds; none when it has no slos/. */
export function readExampleSloSeed(provisioningDir: string): LibraryElementSeed[] {
  const dir = path.join(provisioningDir, 'slos');
  if (!fs.existsSync(dir)) {
    return [];
  }
  return readExampleSlos(dir).map((element) => {
    const model: unknown = JSON.parse(JSON.stringify(element.model));
    if (!isRecord(model)) {
      throw new Error(`host: the model of example SLO ${element.uid} is not an object`);
    }
    return { uid: element.uid, name: element.name, folderUid: element.folderUid, model };
  });
}
