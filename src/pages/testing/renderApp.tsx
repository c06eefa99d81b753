/** Renders the app at a URL as Grafana mounts it: under /a/<plugin id>/*, with the app's routes. */
import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render } from '@testing-library/react';
import App from '../../components/App/App';
import { PLUGIN_BASE_URL } from '../../constants';
import { sloToLibraryPanel } from '../../spec/libraryPanel';
import type { SloSpec } from '../../spec/types';
import type { FakeGrafana } from '../../store/testing';

export function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={`${PLUGIN_BASE_URL}/*`} element={<App />} />
      </Routes>
    </MemoryRouter>
  );
}

/** Stores an SLO as its library panel, as the app saves it. */
export function seedSlo(grafana: FakeGrafana, slo: SloSpec): void {
  const { uid, name, folderUid, model } = sloToLibraryPanel(slo);
  grafana.seedElement({ uid, name, folderUid, model: { ...model } });
}
