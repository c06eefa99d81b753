import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { testIds } from '../testIds';
import { PLUGIN_BASE_URL, ROUTES, prefixRoute } from '../../constants';
import App from './App';

// Grafana mounts an app's root page under /a/<plugin id>/*, so the app's routes are relative to it.
function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App />} />
      </Routes>
    </MemoryRouter>
  );
}

describe('App', () => {
  // The pages are lazy: load them (and @grafana/ui, slow on a cold transform cache) before the
  // tests, so that the tests' timeouts measure routing and rendering only.
  beforeAll(() => import('../../pages/SlosPage'), 60_000);

  it('shows the SLOs page on its route', async () => {
    renderAt(prefixRoute(ROUTES.Slos));

    expect(await screen.findByTestId(testIds.slosPage.container)).toBeInTheDocument();
  });

  it('sends an unknown path to the SLOs page', async () => {
    renderAt(`${PLUGIN_BASE_URL}/no-such-page`);

    expect(await screen.findByTestId(testIds.slosPage.container)).toBeInTheDocument();
  });
});
