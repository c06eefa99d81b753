/**
 * The contract check: every API request the host handles and every answer it gives is validated
 * against the matching operation of Grafana's published API description (Swagger 2.0), so the host
 * cannot drift from Grafana's contract unnoticed.
 */
import Ajv, { type ErrorObject, type SchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';
import path from 'path';

import { applyErrata } from './errata';
import { type JsonObject, isRecord, recordAt, stringAt } from './json';

const CURRENT = 'api-merged.json';
// The ruler paths are only in the older description; their bodies use the same definitions.
const OLDER = 'api-merged.older.json';
const DOCUMENT_ID = 'grafana-api';

export interface ContractRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  hasBody: boolean;
}

export interface Operation {
  method: string;
  specPath: string;
  /** The description file the operation comes from. */
  source: string;
  /** An error text naming the field, or undefined when the request conforms. */
  validateRequest(request: ContractRequest): string | undefined;
  validateResponse(status: number, body: unknown): string | undefined;
}

export interface ApiContract {
  /** Throws when the description has no such operation: a host route must be a Grafana route. */
  operation(method: string, specPath: string): Operation;
}

/**
 * Operations Grafana has that its published description leaves out, described by the host from
 * Grafana's source. Their definitions may not reuse a name of the description.
 */
export interface DescriptionSupplement {
  /** Where the description comes from, as contract errors name it. */
  source: string;
  paths: JsonObject;
  definitions: JsonObject;
}

interface Description {
  paths: Map<string, { source: string; item: JsonObject }>;
  responses: JsonObject;
}

function isSchemaObject(value: unknown): value is SchemaObject {
  return isRecord(value);
}

function readDocument(file: string): JsonObject {
  if (!fs.existsSync(file)) {
    throw new Error(`host: Grafana's API description is missing: expected it at ${file}`);
  }
  const document: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isRecord(document)) {
    throw new Error(`host: ${file} is not a JSON object`);
  }
  return document;
}

/** Local `#/...` references, rewritten to point into the shared document registered with ajv. */
function rebase(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(rebase);
  }
  if (!isRecord(value)) {
    return value;
  }
  const copy: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] =
      key === '$ref' && typeof child === 'string' && child.startsWith('#/') ? `${DOCUMENT_ID}${child}` : rebase(child);
  }
  return copy;
}

function newAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    strict: false,
    unicodeRegExp: false,
    allErrors: true,
    logger: false,
    coerceTypes: coerceTypes && 'array',
  });
  addFormats(ajv);
  // Swagger's numeric formats carry no constraint JSON Schema can check.
  for (const format of ['int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'float', 'double']) {
    ajv.addFormat(format, true);
  }
  return ajv;
}

function loadDescription(
  descriptionDir: string,
  supplements: DescriptionSupplement[]
): { description: Description; definitions: JsonObject } {
  const current = readDocument(path.join(descriptionDir, CURRENT));
  const older = readDocument(path.join(descriptionDir, OLDER));
  const paths: Description['paths'] = new Map();
  for (const [source, document] of [
    [CURRENT, current],
    [OLDER, older],
  ] as const) {
    for (const [specPath, item] of Object.entries(recordAt(document, 'paths') ?? {})) {
      if (isRecord(item) && !paths.has(specPath)) {
        paths.set(specPath, { source, item });
      }
    }
  }
  const definitions = { ...recordAt(older, 'definitions'), ...recordAt(current, 'definitions') };
  applyErrata(definitions);
  for (const supplement of supplements) {
    for (const [specPath, item] of Object.entries(supplement.paths)) {
      if (paths.has(specPath) || !isRecord(item)) {
        throw new Error(`host: ${supplement.source} describes ${specPath}, which the description has already`);
      }
      paths.set(specPath, { source: supplement.source, item });
    }
    for (const [name, schema] of Object.entries(supplement.definitions)) {
      if (name in definitions) {
        throw new Error(`host: ${supplement.source} redefines ${name} of the description`);
      }
      definitions[name] = schema;
    }
  }
  const responses = { ...recordAt(older, 'responses'), ...recordAt(current, 'responses') };
  return { description: { paths, responses }, definitions };
}

function describeErrors(errors: ErrorObject[] | null | undefined, dataVar: string): string {
  return (errors ?? [])
    .map((error) => {
      const allowed: unknown = error.params.allowedValues;
      const values = Array.isArray(allowed) ? ` (${allowed.map((value) => JSON.stringify(value)).join(', ')})` : '';
      return `${dataVar}${error.instancePath} ${error.message ?? 'is invalid'}${values}`;
    })
    .join(', ');
}

/** A JSON schema for the path or query parameters of an operation, as one object. */
function parametersSchema(parameters: JsonObject[], location: 'path' | 'query'): SchemaObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const parameter of parameters.filter((candidate) => candidate.in === location)) {
    const name = stringAt(parameter, 'name') ?? '';
    const { type, format, enum: values, items, minimum, maximum, pattern } = parameter;
    properties[name] = Object.fromEntries(
      Object.entries({ type, format, enum: values, items, minimum, maximum, pattern }).filter(
        ([, value]) => value !== undefined
      )
    );
    if (parameter.required === true) {
      required.push(name);
    }
  }
  return { type: 'object', properties, required };
}

/** Query values as the description types them: arrays from repeated or comma separated values. */
function queryObject(parameters: JsonObject[], query: URLSearchParams): JsonObject {
  const values: JsonObject = {};
  for (const parameter of parameters.filter((candidate) => candidate.in === 'query')) {
    const name = stringAt(parameter, 'name') ?? '';
    if (!query.has(name)) {
      continue;
    }
    values[name] =
      parameter.type === 'array'
        ? query.getAll(name).flatMap((value) => (parameter.collectionFormat === 'multi' ? [value] : value.split(',')))
        : query.get(name);
  }
  return values;
}

export function loadContract(descriptionDir: string, supplements: DescriptionSupplement[] = []): ApiContract {
  const { description, definitions } = loadDescription(descriptionDir, supplements);
  const bodyAjv = newAjv(false);
  const parameterAjv = newAjv(true);
  bodyAjv.addSchema({ $id: DOCUMENT_ID, definitions: rebase(definitions), responses: rebase(description.responses) });
  const errorBody = bodyAjv.compile({ $ref: `${DOCUMENT_ID}#/definitions/ErrorResponseBody` });
  const cache = new Map<string, Operation>();

  function compileBody(schema: unknown): ValidateFunction {
    const rebased = rebase(schema);
    if (!isSchemaObject(rebased)) {
      throw new Error('host: a schema of the API description is not an object');
    }
    return bodyAjv.compile(rebased);
  }

  function responseValidators(operation: JsonObject): Map<string, ValidateFunction | undefined> {
    const validators = new Map<string, ValidateFunction | undefined>();
    for (const [status, entry] of Object.entries(recordAt(operation, 'responses') ?? {})) {
      const reference = isRecord(entry) ? stringAt(entry, '$ref') : undefined;
      const response = reference ? description.responses[reference.replace('#/responses/', '')] : entry;
      const schema = isRecord(response) ? response.schema : undefined;
      validators.set(status, schema === undefined ? undefined : compileBody(schema));
    }
    return validators;
  }

  function build(method: string, specPath: string): Operation {
    const found = description.paths.get(specPath);
    const operation = found ? recordAt(found.item, method.toLowerCase()) : undefined;
    if (!found || !operation) {
      throw new Error(`host: ${method} ${specPath} is not an operation of Grafana's API description`);
    }
    const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).filter(isRecord);
    const pathValidator = parameterAjv.compile(parametersSchema(parameters, 'path'));
    const queryValidator = parameterAjv.compile(parametersSchema(parameters, 'query'));
    const bodyParameter = parameters.find((parameter) => parameter.in === 'body');
    const bodyValidator = bodyParameter ? compileBody(bodyParameter.schema ?? {}) : undefined;
    const responses = responseValidators(operation);

    return {
      method,
      specPath,
      source: found.source,
      validateRequest(request) {
        const problems: string[] = [];
        if (!pathValidator({ ...request.params })) {
          problems.push(describeErrors(pathValidator.errors, 'path'));
        }
        if (!queryValidator(queryObject(parameters, request.query))) {
          problems.push(describeErrors(queryValidator.errors, 'query'));
        }
        if (bodyParameter && bodyValidator) {
          if (!request.hasBody) {
            if (bodyParameter.required === true) {
              problems.push('body is required');
            }
          } else if (!bodyValidator(request.body)) {
            problems.push(describeErrors(bodyValidator.errors, 'body'));
          }
        }
        return problems.length > 0 ? problems.join(', ') : undefined;
      },
      validateResponse(status, body) {
        const key = responses.has(String(status)) ? String(status) : 'default';
        if (!responses.has(key)) {
          // Grafana answers every error with the same body; the description does not list them all.
          if (status >= 400) {
            return errorBody(body) ? undefined : describeErrors(errorBody.errors, 'body');
          }
          return `status ${status} is not described`;
        }
        const validator = responses.get(key);
        return !validator || validator(body) ? undefined : describeErrors(validator.errors, 'body');
      },
    };
  }

  return {
    operation(method, specPath) {
      const key = `${method.toUpperCase()} ${specPath}`;
      const cached = cache.get(key) ?? build(method.toUpperCase(), specPath);
      cache.set(key, cached);
      return cached;
    },
  };
}
