/**
 * @jest-environment node
 */
import Ajv, { type SchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';
import { globSync } from 'glob';
import path from 'path';

interface PluginInclude {
  type: string;
  name?: string;
  path?: string;
}

interface PluginJson {
  id: string;
  type: string;
  name: string;
  includes?: PluginInclude[];
  dependencies: { grafanaDependency: string };
}

const repoRoot = path.resolve(__dirname, '..');
// Grafana's schema lives in the shared/ folder beside the repository (../shared from its root).
const schemaPath = path.resolve(repoRoot, '..', 'shared', 'grafana', 'plugin.schema.json');

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.resolve(repoRoot, file), 'utf8'));
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compileSchema(): ValidateFunction<PluginJson> {
  if (!fs.existsSync(schemaPath)) {
    throw new Error(`Grafana's plugin.json schema is missing: expected it at ${schemaPath}`);
  }
  const schema = readJson(schemaPath);
  if (!isSchemaObject(schema)) {
    throw new Error(`${schemaPath} is not a JSON schema object`);
  }
  // The schema's id pattern has `\-`, which a unicode regexp rejects.
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile<PluginJson>(schema);
}

const validate = compileSchema();

// The source files, not dist/: the build adds a buildMode key that the schema does not know.
const pluginJsonFiles = globSync('src/**/plugin.json', { cwd: repoRoot }).sort();

function readPlugin(file: string): PluginJson {
  const pluginJson = readJson(file);
  if (!validate(pluginJson)) {
    throw new Error(`${file} does not match Grafana's plugin.json schema`);
  }
  return pluginJson;
}

describe('plugin.json files', () => {
  it('are the app and the panel', () => {
    expect(pluginJsonFiles).toEqual(['src/panels/slo/plugin.json', 'src/plugin.json']);
  });

  it.each(pluginJsonFiles)("%s matches Grafana's plugin.json schema", (file) => {
    validate(readJson(file));

    expect(validate.errors ?? []).toEqual([]);
  });

  it('declare the app nines-slo-app and the panel nines-slo-panel', () => {
    expect(readPlugin('src/plugin.json')).toMatchObject({ type: 'app', id: 'nines-slo-app', name: 'Nines' });
    expect(readPlugin('src/panels/slo/plugin.json')).toMatchObject({
      type: 'panel',
      id: 'nines-slo-panel',
      name: 'Nines SLO',
    });
  });

  it.each(pluginJsonFiles)('%s asks for Grafana 12.3.0 or newer', (file) => {
    expect(readPlugin(file).dependencies.grafanaDependency).toBe('>=12.3.0');
  });

  it('let the app include the panel by its name and folder', () => {
    const panelIncludes = (readPlugin('src/plugin.json').includes ?? []).filter(({ type }) => type === 'panel');

    expect(panelIncludes).toEqual([{ type: 'panel', name: 'Nines SLO', path: 'panels/slo' }]);
    expect(readPlugin(path.join('src', panelIncludes[0].path ?? '', 'plugin.json')).id).toBe('nines-slo-panel');
  });
});
