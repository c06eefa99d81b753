/**
 * `npm run host -- --port 3000 --prometheus http://127.0.0.1:9090`: the test host's server on its
 * own, for looking at the plugin in a browser. Run it from the repository root.
 */
import { createHostServer } from './index';

const usage = `usage: npm run host -- [--port 3000] [--prometheus http://127.0.0.1:9090] [--dist dist]
  [--page tests/host/.build] [--provisioning provisioning] [--library-elements file.json]`;

function flags(args: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 2) {
    const [name, value] = [args[index], args[index + 1]];
    if (!name.startsWith('--') || value === undefined) {
      throw new Error(`${usage}\nunexpected argument: ${name}`);
    }
    values.set(name.slice(2), value);
  }
  return values;
}

async function main(): Promise<void> {
  const values = flags(process.argv.slice(2));
  const known = ['port', 'prometheus', 'dist', 'page', 'provisioning', 'library-elements'];
  const unknown = [...values.keys()].filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(`${usage}\nunknown flag: --${unknown[0]}`);
  }
  const server = await createHostServer({
    port: Number(values.get('port') ?? 3000),
    prometheusUrl: values.get('prometheus') ?? 'http://127.0.0.1:9090',
    distDir: values.get('dist'),
    pageDir: values.get('page'),
    provisioningDir: values.get('provisioning'),
    libraryElementsFile: values.get('library-elements'),
  });
  console.log(`Nines test host on ${server.url} (sign in as another user: ${server.url}/host-login?user=viewer)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
