import React, { Suspense, lazy } from 'react';
import { AppPlugin } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';

const LazyApp = lazy(() => import('./components/App/App'));

const App = () => (
  <Suspense fallback={<LoadingPlaceholder text="" />}>
    <LazyApp />
  </Suspense>
);

export const plugin = new AppPlugin<{}>().setRootPage(App);
