// Builds the test host page into tests/host/.build/: host.js (with lazy chunks), index.html (the
// template the host server fills with boot data), and the icons and fonts @grafana/ui loads from
// Grafana's public path. Run: npm run host:build
import * as esbuild from 'esbuild';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pageDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(pageDir, '../../..');
const outDir = path.resolve(pageDir, '../.build');
const nodeModules = path.join(root, 'node_modules');
const dev = process.env.HOST_DEV === '1';

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });

const started = Date.now();
await esbuild.build({
  entryPoints: { host: path.join(pageDir, 'main.tsx') },
  outdir: outDir,
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'browser',
  target: 'chrome120',
  sourcemap: 'linked',
  minifyWhitespace: !dev,
  minifySyntax: !dev,
  tsconfig: path.join(pageDir, 'tsconfig.json'),
  // Grafana runs React and its libraries in production mode; HOST_DEV=1 builds development
  // React for its extra warnings while debugging a page.
  define: {
    'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production'),
    global: 'globalThis',
  },
  // Setters that Grafana calls from runtime's unpublished internal entry (setPluginPage,
  // initDataSourceInstanceSettings) and i18n's initializeI18n, reached by file path.
  alias: {
    'host-runtime-internal': path.join(nodeModules, '@grafana/runtime/dist/esm'),
    'host-i18n-internal': path.join(nodeModules, '@grafana/i18n/dist/esm'),
  },
  resolveExtensions: ['.tsx', '.ts', '.jsx', '.js', '.mjs', '.css', '.json'],
  loader: { '.svg': 'file', '.png': 'file', '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  assetNames: 'assets/[name]-[hash]',
  logLevel: 'warning',
});

await copyFile(path.join(pageDir, 'index.html'), path.join(outDir, 'index.html'));

// @grafana/ui fetches icons from `${__grafana_public_path__}build/img/icons/`.
await cp(path.join(nodeModules, '@grafana/ui/dist/public/img/icons'), path.join(outDir, 'public/build/img/icons'), {
  recursive: true,
});
// Grafana serves a `spinner` icon (buttons while busy) that @grafana/ui's icons lack: a plain arc
// of our own stands in, so that a busy button does not fail its request.
await writeFile(
  path.join(outDir, 'public/build/img/icons/unicons/spinner.svg'),
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 10 10h-2a8 8 0 1 1-8-8z"/></svg>\n'
);

// GlobalStyles declares Inter and Roboto Mono under `${__grafana_public_path__}fonts/`. Neither is
// installed here and nothing may be downloaded, so metric-stable system fonts stand in under the
// same names: screenshots are deterministic, and no font request fails.
const fontSource = '/usr/share/fonts/truetype/liberation';
const fontStandIns = {
  'Inter-Regular': 'LiberationSans-Regular.ttf',
  'Inter-Medium': 'LiberationSans-Bold.ttf',
  'Inter-Italic': 'LiberationSans-Italic.ttf',
  'Inter-MediumItalic': 'LiberationSans-BoldItalic.ttf',
  roboto: 'LiberationMono-Regular.ttf',
};
const fontsCss = await readFile(path.join(nodeModules, '@grafana/ui/dist/esm/themes/GlobalStyles/fonts.mjs'), 'utf8');
const fontFiles = [...new Set([...fontsCss.matchAll(/fontRoot\}([^')]+\.woff2)/g)].map((m) => m[1]))];
const missing = [];
for (const file of fontFiles) {
  const key = Object.keys(fontStandIns).find((name) => file.includes(name + '.') || file.startsWith(`${name}/`));
  const source = key && path.join(fontSource, fontStandIns[key]);
  if (!source || !existsSync(source)) {
    missing.push(file);
    continue;
  }
  const target = path.join(outDir, 'public/fonts', file);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(source, target);
}
if (missing.length > 0) {
  console.warn(`host:build: no stand-in font for ${missing.join(', ')} (install Debian's fonts-liberation)`);
}

// The e2e runner rebuilds when the mode it wants differs from this one.
await writeFile(path.join(outDir, 'build.json'), JSON.stringify({ mode: dev ? 'development' : 'production' }));

console.log(`host:build: ${path.relative(root, outDir)} in ${Date.now() - started} ms${dev ? ' (development)' : ''}`);
