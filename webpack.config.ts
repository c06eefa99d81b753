// Extends the scaffold's webpack config (.config/ stays as create-plugin writes it).
import CopyWebpackPlugin from 'copy-webpack-plugin';
import fs from 'fs';
import { globSync } from 'glob';
import path from 'path';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config.ts';
import { copyFilePatterns } from './.config/bundler/copyFiles.ts';
import { SOURCE_DIR } from './.config/bundler/constants.ts';

type CopyPattern = CopyWebpackPlugin.ObjectPattern;

// The scaffold copies these from the repository root; they are written separately, and the build
// must not fail while they do not exist yet.
const optionalRootFiles = new Set(['../README.md', '../CHANGELOG.md']);

// The scaffold copies the logos and screenshots of src/plugin.json only; nested plugins
// (src/panels/slo/plugin.json) need theirs next to their own plugin.json in dist/.
function nestedPluginImages(): CopyPattern[] {
  const sourceDir = path.resolve(process.cwd(), SOURCE_DIR);

  return globSync('*/**/plugin.json', { cwd: sourceDir }).flatMap((pluginJsonPath) => {
    const pluginDir = path.dirname(pluginJsonPath);
    const { info } = JSON.parse(fs.readFileSync(path.join(sourceDir, pluginJsonPath), 'utf8'));
    const screenshots: Array<{ path: string }> = info?.screenshots ?? [];
    const images = new Set<string>(
      [info?.logos?.small, info?.logos?.large, ...screenshots.map((s) => s.path)].filter(Boolean)
    );

    // Array.from, not spread: ts-node compiles this file to ES5, where spreading a Set gives [].
    return Array.from(images, (image) => ({ from: path.join(pluginDir, image), to: path.join(pluginDir, image) }));
  });
}

const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  const patterns: CopyPattern[] = [
    ...copyFilePatterns.map((pattern) =>
      optionalRootFiles.has(pattern.from) ? { ...pattern, noErrorOnMissing: true } : pattern
    ),
    ...nestedPluginImages(),
  ];

  return merge(
    {
      ...baseConfig,
      plugins: (baseConfig.plugins ?? []).filter((plugin) => !(plugin instanceof CopyWebpackPlugin)),
    },
    {
      // The scaffold only lists .config's file, so edits here would not invalidate the build cache.
      cache: { type: 'filesystem', buildDependencies: { config: [__filename] } },
      plugins: [new CopyWebpackPlugin({ patterns })],
    }
  );
};

export default config;
