import { useEffect, useState } from 'react';
import type { DataSourceApi } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import type { DataSourceRef } from '../../../spec/types';

/** The datasource's frontend (for its query editor), or null while it loads or when it cannot be loaded. */
export function useDatasourceInstance({ uid, type }: DataSourceRef): DataSourceApi | null {
  const [loaded, setLoaded] = useState<{ uid: string; instance: DataSourceApi } | null>(null);
  useEffect(() => {
    if (uid === '') {
      return;
    }
    let current = true;
    getDataSourceSrv()
      .get({ uid, type })
      .then(
        (instance) => current && setLoaded({ uid, instance }),
        // A datasource that cannot load still gets the plain query fields; the preview shows its error.
        () => current && setLoaded(null)
      );
    return () => {
      current = false;
    };
  }, [uid, type]);
  return loaded?.uid === uid ? loaded.instance : null;
}
