import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ROUTES, SLO_DETAIL_ROUTE, prefixRoute } from '../../constants';

const SlosPage = React.lazy(() => import('../../pages/SlosPage'));
const SloPage = React.lazy(() => import('../../pages/SloPage'));

function App() {
  return (
    <Routes>
      <Route path={ROUTES.Slos} element={<SlosPage />} />
      <Route path={SLO_DETAIL_ROUTE} element={<SloPage />} />
      <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Slos)} replace />} />
    </Routes>
  );
}

export default App;
