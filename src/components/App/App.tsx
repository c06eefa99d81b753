import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ROUTES, prefixRoute } from '../../constants';

const SlosPage = React.lazy(() => import('../../pages/SlosPage'));

function App() {
  return (
    <Routes>
      <Route path={ROUTES.Slos} element={<SlosPage />} />
      <Route path="*" element={<Navigate to={prefixRoute(ROUTES.Slos)} replace />} />
    </Routes>
  );
}

export default App;
