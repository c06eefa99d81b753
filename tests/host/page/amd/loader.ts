import { sharedModules, unavailableSharedModules } from './sharedModules';

/**
 * A small AMD loader that stands in for Grafana's SystemJS: a plugin's module.js is one anonymous
 * `define([...deps], factory)`. Shared dependencies come from the host bundle; `module` carries the
 * script's absolute URL, from which webpack derives its public path, so the plugin's lazy chunks
 * load by themselves (as JSONP scripts next to module.js).
 */

type AmdFactory = (...deps: unknown[]) => unknown;

interface AmdDefinition {
  deps: string[];
  factory: AmdFactory | Record<string, unknown>;
}

interface AmdModule {
  id: string;
  uri: string;
  exports: Record<string, unknown>;
}

type DefineFunction = ((...args: unknown[]) => void) & { amd: Record<string, unknown> };

declare global {
  interface Window {
    define?: DefineFunction;
  }
}

// Definitions made while a script ran, keyed by that script's URL (scripts may load in parallel).
const definitions = new Map<string, AmdDefinition>();
const loading = new Set<string>();
const modules = new Map<string, Promise<unknown>>();

function parseDefineArgs(args: unknown[]): AmdDefinition {
  // define(id?, deps?, factory): the id is ignored, as SystemJS does for a script loaded by URL.
  const rest = typeof args[0] === 'string' ? args.slice(1) : args;
  const [first, second] = rest;
  if (Array.isArray(first) && first.every((dep): dep is string => typeof dep === 'string')) {
    return { deps: first, factory: toFactory(second) };
  }
  return { deps: ['require', 'exports', 'module'], factory: toFactory(first) };
}

function toFactory(value: unknown): AmdDefinition['factory'] {
  if (typeof value === 'function') {
    return (...deps: unknown[]) => Reflect.apply(value, undefined, deps);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value));
  }
  throw new Error(`define() called without a factory (got ${typeof value})`);
}

export function installAmdLoader(): void {
  const define: DefineFunction = Object.assign(
    (...args: unknown[]) => {
      const script = document.currentScript;
      // UMD libraries added some other way (tests inject axe-core) call define() too: only the
      // scripts this loader loads are plugin modules.
      if (!(script instanceof HTMLScriptElement) || !loading.has(script.src)) {
        return;
      }
      definitions.set(script.src, parseDefineArgs(args));
    },
    { amd: {} }
  );
  window.define = define;
}

function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load script ${url}`));
    document.head.appendChild(script);
  });
}

async function resolveDependency(name: string, module: AmdModule, parentUrl: string): Promise<unknown> {
  if (name === 'module') {
    return module;
  }
  if (name === 'exports') {
    return module.exports;
  }
  if (name === 'require') {
    return () => {
      throw new Error('Synchronous require() inside an AMD plugin module is not supported (nor by Grafana)');
    };
  }
  if (name.startsWith('./') || name.startsWith('../')) {
    return importAmdModule(new URL(name.endsWith('.js') ? name : `${name}.js`, parentUrl).href);
  }
  const shared = sharedModules[name];
  if (shared) {
    return shared();
  }
  if (unavailableSharedModules.has(name)) {
    throw new Error(`The plugin imports '${name}', which Grafana shares but the test host does not provide`);
  }
  throw new Error(
    `The plugin imports '${name}', which Grafana does not share with plugins: bundle it into the plugin instead`
  );
}

async function instantiate(url: string): Promise<unknown> {
  loading.add(url);
  try {
    await loadScript(url);
  } finally {
    loading.delete(url);
  }
  const definition = definitions.get(url);
  definitions.delete(url);
  if (!definition) {
    throw new Error(`${url} did not call define(): is it an AMD module built by create-plugin?`);
  }
  const module: AmdModule = { id: url, uri: url, exports: {} };
  if (typeof definition.factory !== 'function') {
    return definition.factory;
  }
  const deps = await Promise.all(definition.deps.map((dep) => resolveDependency(dep, module, url)));
  const returned = definition.factory(...deps);
  return returned !== undefined ? returned : module.exports;
}

/** Loads an AMD module once per absolute URL and resolves to its exports. */
export function importAmdModule(url: string): Promise<unknown> {
  const absolute = new URL(url, window.location.origin).href;
  let loaded = modules.get(absolute);
  if (!loaded) {
    loaded = instantiate(absolute);
    modules.set(absolute, loaded);
  }
  return loaded;
}
