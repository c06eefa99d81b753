/**
 * The live demo traffic: serves `/metrics` for Prometheus to scrape, continuing the counters of the
 * backfill in `<data>/traffic.json` (see liveTraffic.ts). Bundled by `npm run traffic:build`; the
 * docker-compose service `traffic` runs the bundle.
 *
 *   node .data/.build/live.mjs [--data .data] [--port 9464] [--host 0.0.0.0]
 */
import { createServer, type Server } from 'node:http';
import { parseArgs } from 'node:util';

import { DEFAULT_DATA_DIR, loadTraffic } from './backfill';
import { liveTraffic, type LiveTraffic } from './liveTraffic';

const LIVE_PORT = 9464;
const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

interface LiveServer {
  url: string;
  close(): Promise<void>;
}

function startLiveServer(live: LiveTraffic, port: number, host: string, now = Date.now): Promise<LiveServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://live').pathname;
    if (request.method !== 'GET' || path !== '/metrics') {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('only GET /metrics\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPE }).end(live.exposition(now()));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${chosen}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      port: { type: 'string', default: String(LIVE_PORT) },
      host: { type: 'string', default: '0.0.0.0' },
    },
  });
  const live = liveTraffic(loadTraffic(values.data));
  const server = await startLiveServer(live, Number(values.port), values.host);
  process.stderr.write(
    `live demo traffic on ${server.url}/metrics, continuing the backfill from ${new Date(live.start).toISOString()}\n`
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
