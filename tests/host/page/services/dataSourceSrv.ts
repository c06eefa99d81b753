import type { DataSourceApi, DataSourceInstanceSettings, DataSourceRef, ScopedVars } from '@grafana/data';
import {
  getTemplateSrv,
  type DataSourceSrv,
  type GetDataSourceListFilters,
  type RuntimeDataSource,
  type RuntimeDataSourceRegistration,
} from '@grafana/runtime';
import { HostPrometheusDatasource } from './prometheus';

type Ref = DataSourceRef | string | null | undefined;

/**
 * Grafana's DataSourceSrv over the datasources in boot data (the provisioned ones). Only the
 * types the host has a frontend for can be instantiated; others fail with a message saying so.
 */
export class HostDataSourceSrv implements DataSourceSrv {
  private instances = new Map<string, Promise<DataSourceApi>>();
  private runtime = new Map<string, RuntimeDataSource>();

  constructor(
    private readonly settings: Record<string, DataSourceInstanceSettings>,
    private readonly defaultName: string
  ) {}

  getInstanceSettings(ref?: Ref, scopedVars?: ScopedVars): DataSourceInstanceSettings | undefined {
    const all = Object.values(this.settings);
    let key = typeof ref === 'string' ? ref : ref?.uid;
    if (key?.includes('$')) {
      key = getTemplateSrv().replace(key, scopedVars);
    }
    if ((key === undefined || key === null || key === 'default') && typeof ref === 'object' && ref?.type) {
      const type = ref.type;
      return all.find((ds) => ds.type === type && ds.isDefault) ?? all.find((ds) => ds.type === type);
    }
    if (key === undefined || key === null || key === 'default') {
      return this.settings[this.defaultName] ?? all.find((ds) => ds.isDefault);
    }
    const runtime = this.runtime.get(key);
    if (runtime) {
      return runtime.instanceSettings;
    }
    return all.find((ds) => ds.uid === key) ?? this.settings[key] ?? all.find((ds) => String(ds.id) === key);
  }

  async get(ref?: Ref, scopedVars?: ScopedVars): Promise<DataSourceApi> {
    const settings = this.getInstanceSettings(ref, scopedVars);
    if (!settings) {
      throw new Error(`Datasource ${JSON.stringify(ref ?? 'default')} was not found`);
    }
    const runtime = this.runtime.get(settings.uid);
    if (runtime) {
      return runtime;
    }
    let instance = this.instances.get(settings.uid);
    if (!instance) {
      instance = createInstance(settings);
      this.instances.set(settings.uid, instance);
    }
    return instance;
  }

  getList(filters: GetDataSourceListFilters = {}): DataSourceInstanceSettings[] {
    return Object.values(this.settings)
      .filter((ds) => {
        if (filters.type && !(Array.isArray(filters.type) ? filters.type : [filters.type]).includes(ds.type)) {
          return false;
        }
        if (filters.pluginId && ds.meta.id !== filters.pluginId) {
          return false;
        }
        if (filters.metrics && !ds.meta.metrics) {
          return false;
        }
        if (filters.logs && !ds.meta.logs) {
          return false;
        }
        if (filters.alerting && !ds.meta.alerting) {
          return false;
        }
        return filters.filter ? filters.filter(ds) : true;
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async reload(): Promise<void> {
    this.instances.clear();
  }

  registerRuntimeDataSource({ dataSource }: RuntimeDataSourceRegistration): void {
    if (this.runtime.has(dataSource.uid) || this.getInstanceSettings(dataSource.uid)) {
      throw new Error(`A datasource with uid ${dataSource.uid} is already registered`);
    }
    this.runtime.set(dataSource.uid, dataSource);
  }
}

async function createInstance(settings: DataSourceInstanceSettings): Promise<DataSourceApi> {
  if (settings.type === 'prometheus') {
    return new HostPrometheusDatasource(settings);
  }
  throw new Error(
    `The test host has no frontend for datasource type '${settings.type}' (${settings.name}); it supports prometheus`
  );
}
