/**
 * Data sources from the same provisioning files the docker demo mounts into Grafana
 * (provisioning/datasources/*.yaml). Prometheus data sources point at the host's Prometheus instead
 * of the demo's `http://prometheus:9090`.
 */
import fs from 'fs';
import path from 'path';
import YAML from 'yaml';

import { type ApiRoute, fail, ok } from './routes';
import { type JsonObject, arrayAt, booleanAt, isRecord, recordAt, stringAt } from './json';
import { logoUrl } from './logos';

export interface Datasource {
  id: number;
  uid: string;
  name: string;
  type: string;
  url: string;
  access: 'proxy' | 'direct';
  isDefault: boolean;
  jsonData: JsonObject;
}

export function readDatasources(provisioningDir: string, prometheusUrl: string): Datasource[] {
  const folder = path.join(provisioningDir, 'datasources');
  const files = fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((file) => /\.ya?ml$/.test(file))
        .sort()
    : [];
  const datasources: Datasource[] = [];
  for (const file of files) {
    const document: unknown = YAML.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
    for (const entry of (isRecord(document) ? arrayAt(document, 'datasources') : undefined) ?? []) {
      const name = isRecord(entry) ? stringAt(entry, 'name') : undefined;
      const type = isRecord(entry) ? stringAt(entry, 'type') : undefined;
      if (!isRecord(entry) || !name || !type) {
        throw new Error(`host: ${file}: every data source needs a name and a type`);
      }
      datasources.push({
        id: datasources.length + 1,
        uid: stringAt(entry, 'uid') ?? name.toLowerCase(),
        name,
        type,
        url: type === 'prometheus' ? prometheusUrl : (stringAt(entry, 'url') ?? ''),
        access: stringAt(entry, 'access') === 'direct' ? 'direct' : 'proxy',
        isDefault: booleanAt(entry, 'isDefault') ?? false,
        jsonData: recordAt(entry, 'jsonData') ?? {},
      });
    }
  }
  return datasources;
}

const typeNames: Record<string, string> = { prometheus: 'Prometheus' };

function typeName(type: string): string {
  return typeNames[type] ?? type;
}

/** The plugin meta Grafana puts beside each data source in boot data (a core plugin). */
export function datasourceMeta(type: string): JsonObject {
  return {
    id: type,
    type: 'datasource',
    name: typeName(type),
    info: {
      author: { name: 'Grafana Labs' },
      description: '',
      links: [],
      logos: { small: logoUrl(type), large: logoUrl(type) },
      screenshots: [],
      updated: '',
      version: '',
    },
    module: `core:plugin/${type}`,
    baseUrl: `public/app/plugins/datasource/${type}`,
    backend: true,
    metrics: true,
    alerting: true,
    annotations: true,
    builtIn: false,
    signature: 'internal',
  };
}

function listItem(datasource: Datasource): JsonObject {
  return {
    id: datasource.id,
    uid: datasource.uid,
    orgId: 1,
    name: datasource.name,
    type: datasource.type,
    typeName: typeName(datasource.type),
    typeLogoUrl: logoUrl(datasource.type),
    access: datasource.access,
    url: datasource.url,
    user: '',
    database: '',
    basicAuth: false,
    isDefault: datasource.isDefault,
    jsonData: datasource.jsonData,
    readOnly: true,
  };
}

export function datasourceRoutes(datasources: Datasource[]): ApiRoute[] {
  return [
    { method: 'GET', specPath: '/datasources', handle: () => ok(datasources.map(listItem)) },
    {
      method: 'GET',
      specPath: '/datasources/uid/{uid}',
      handle: ({ params }) => {
        const datasource = datasources.find((candidate) => candidate.uid === params.uid);
        if (!datasource) {
          return fail(404, 'Data source not found');
        }
        return ok({
          ...listItem(datasource),
          basicAuthUser: '',
          withCredentials: false,
          secureJsonFields: {},
          version: 1,
        });
      },
    },
  ];
}
