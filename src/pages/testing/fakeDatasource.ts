/** A datasource for page tests: answers every query with given frames (or an error), and records the requests. */
import {
  DataSourceApi,
  PluginType,
  type DataFrame,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type TestDataSourceResponse,
} from '@grafana/data';
import { setDataSourceSrv, type DataSourceSrv } from '@grafana/runtime';

function settings(uid: string, type: string, alerting: boolean, jsonData: object): DataSourceInstanceSettings {
  return {
    id: 1,
    uid,
    type,
    name: uid,
    access: 'proxy',
    readOnly: true,
    jsonData,
    meta: {
      id: type,
      name: type,
      type: PluginType.datasource,
      module: '',
      baseUrl: '',
      // As Grafana's core backend datasources (Prometheus, Loki, SQL) have it.
      alerting,
      backend: alerting,
      info: {
        author: { name: 'tests' },
        description: '',
        links: [],
        logos: { small: '', large: '' },
        screenshots: [],
        updated: '',
        version: '',
      },
    },
  };
}

export class FakeDatasource extends DataSourceApi {
  readonly requests: DataQueryRequest[] = [];
  readonly settings: DataSourceInstanceSettings;

  constructor(
    uid: string,
    type: string,
    private readonly answer: (request: DataQueryRequest) => DataQueryResponse,
    /** Whether Grafana alerting can query it. */
    alerting = true,
    /** Its settings, e.g. `{ prometheusType: 'Mimir' }`. */
    jsonData: object = {}
  ) {
    super(settings(uid, type, alerting, jsonData));
    this.settings = settings(uid, type, alerting, jsonData);
  }

  async query(request: DataQueryRequest): Promise<DataQueryResponse> {
    this.requests.push(request);
    return this.answer(request);
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    return { status: 'success', message: 'ok' };
  }
}

/** Installs `datasource` as the only one Grafana knows; `get` of any other uid fails as Grafana's does. */
export function installDatasource(datasource: FakeDatasource): void {
  const srv: DataSourceSrv = {
    async get(ref) {
      const uid = typeof ref === 'string' ? ref : ref?.uid;
      if (uid !== datasource.uid) {
        throw new Error(`Datasource ${uid} was not found`);
      }
      return datasource;
    },
    getList: () => [datasource.settings],
    getInstanceSettings: () => datasource.settings,
    reload: async () => undefined,
    registerRuntimeDataSource: () => undefined,
  };
  setDataSourceSrv(srv);
}

/** Frames answering the targets in order: the first frame for the first target, and so on. */
export function framesFor(frames: DataFrame[]): (request: DataQueryRequest) => DataQueryResponse {
  return (request) => ({ data: frames.map((frame, index) => ({ ...frame, refId: request.targets[index]?.refId })) });
}
