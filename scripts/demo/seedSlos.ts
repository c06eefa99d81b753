/**
 * Imports the example SLOs (provisioning/slos) into a Grafana as library panels, skipping the ones
 * that exist. Run once by the docker-compose service `nines-seed` (bundled by `npm run seed:build`):
 *
 *   node .data/.build/seed-slos.cjs [--grafana http://grafana:3000] [--slos provisioning/slos]
 *
 * Basic auth from GRAFANA_USER / GRAFANA_PASSWORD (default admin / admin).
 */
import { parseArgs } from 'node:util';

import { readExampleSlos } from './exampleSlos';
import { seedSlos } from './seed';

const log = (line: string) => process.stderr.write(`nines-seed: ${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      grafana: { type: 'string', default: 'http://grafana:3000' },
      slos: { type: 'string', default: 'provisioning/slos' },
    },
  });
  const elements = readExampleSlos(values.slos);
  const { created } = await seedSlos({
    grafana: values.grafana,
    elements,
    auth: { user: process.env.GRAFANA_USER ?? 'admin', password: process.env.GRAFANA_PASSWORD ?? 'admin' },
    log,
  });
  log(`${created.length} of ${elements.length} example SLOs created`);
}

main().catch((error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
