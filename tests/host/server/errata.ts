/**
 * Where Grafana's published API description and Grafana itself disagree in a way that matters to
 * the plugin, the host patches the description before compiling it, and says so here. Everything
 * else follows the description as published.
 */
import { type JsonObject, isRecord } from './json';

export interface Erratum {
  /** A definition of api-merged.json. */
  definition: string;
  /** What Grafana does that the description does not say. */
  reason: string;
  patch(schema: JsonObject): void;
}

function requireProperties(schema: JsonObject, names: string[]): void {
  const required = Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === 'string') : [];
  schema.required = [...new Set([...required, ...names])];
}

function patchProperty(schema: JsonObject, name: string, change: JsonObject): void {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  schema.properties = { ...properties, [name]: { ...change } };
}

// The swagger generator drops Go `binding:"Required"` tags; Grafana's web.Bind rejects a zero kind
// or version with 400 "bad request data" (pkg/services/libraryelements/model/model.go).
const libraryElementRequired: Erratum[] = [
  {
    definition: 'CreateLibraryElementCommand',
    reason: 'kind carries binding:"Required" in Grafana',
    patch: (schema) => requireProperties(schema, ['kind']),
  },
  {
    definition: 'PatchLibraryElementCommand',
    reason: 'kind and version carry binding:"Required" in Grafana; a zero version is rejected too',
    patch: (schema) => {
      requireProperties(schema, ['kind', 'version']);
      patchProperty(schema, 'version', { type: 'integer', format: 'int64', minimum: 1 });
    },
  },
];

// Rule group intervals are Prometheus model.Duration values, which marshal as strings ("1m");
// the description calls them int64 nanoseconds. A plugin sending an integer fails on real Grafana.
const ruleGroupInterval: Erratum[] = [
  'PostableRuleGroupConfig',
  'GettableRuleGroupConfig',
  'RuleGroupConfigResponse',
].map((definition) => ({
  definition,
  reason: 'interval is a Prometheus duration string such as "1m" in Grafana',
  patch: (schema: JsonObject) => patchProperty(schema, 'interval', { type: 'string' }),
}));

export const errata: Erratum[] = [...libraryElementRequired, ...ruleGroupInterval];

export function applyErrata(definitions: JsonObject): void {
  for (const erratum of errata) {
    const schema = definitions[erratum.definition];
    if (!isRecord(schema)) {
      throw new Error(`host errata: api description has no definition ${erratum.definition}`);
    }
    erratum.patch(schema);
  }
}
