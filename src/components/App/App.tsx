import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ROUTES, SLO_DETAIL_ROUTE, SLO_EDIT_ROUTE, SLO_NEW_ROUTE, prefixRoute } from '../../constants';

const SlosPage = React.lazy(() => import('../../pages/SlosPage'));
const SloPage = React.lazy(() => import('../../pages/SloPage'));
const SloEditorPage = React.lazy(() => import('../../pages/SloEditorPage'));
const OverviewPage = React.lazy(() => import('../../pages/OverviewPage'));
const ImportPage = React.lazy(() => import('../../pages/ImportPage'));
const ConfigPage = React.lazy(() => import('../../pages/ConfigPage'));

function App() {
  return (
    <Routes>
      <Route path={ROUTES.Slos} element={<SlosPage />} />
      <Route path={SLO_NEW_ROUTE} element={<SloEditorPage />} />
      <Route path={SLO_EDIT_ROUTE} element={<SloEditorPage />} />
      <Route path={SLO_DETAIL_ROUTE} element={<SloPage />} />
      <Route path={ROUTES.Overview} element={<OverviewPage />} />
      <Route path={ROUTES.Import} element={<ImportPage />} />
      <Route path={ROUTES.Config} element={<ConfigPage />} />
      <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Slos)} replace />} />
    </Routes>
  );
}

export default App;
