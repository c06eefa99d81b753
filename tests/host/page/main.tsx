import { config } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { initializeI18n } from 'host-i18n-internal/i18n';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { Route, Routes } from 'react-router-dom';
import { installAmdLoader } from './amd/loader';
import { HostRouter } from './chrome/HostRouter';
import { HostShell } from './chrome/HostShell';
import { installTestHooks } from './dashboard/testHooks';
import { initOptionRegistries } from './plugins/optionRegistries';
import { AppRootRoute } from './routes/AppRootRoute';
import { DashboardRoute } from './routes/DashboardRoute';
import { HostIndex } from './routes/HostIndex';
import { wireRuntimeServices } from './services/wire';

declare global {
  interface Window {
    __grafana_public_path__?: string;
  }
}

function HostApp() {
  // config.theme2 comes from boot data's user theme (the server sets it from ?theme=).
  return (
    <ThemeContext.Provider value={config.theme2}>
      <GlobalStyles />
      <HostRouter>
        <HostShell>
          <Routes>
            <Route path="/a/:pluginId/*" element={<AppRootRoute />} />
            <Route path="/d/:uid/*" element={<DashboardRoute />} />
            <Route path="*" element={<HostIndex />} />
          </Routes>
        </HostShell>
      </HostRouter>
    </ThemeContext.Provider>
  );
}

async function boot(): Promise<void> {
  // @grafana/ui finds its icons and fonts under Grafana's public path; build.mjs puts them there.
  window.__grafana_public_path__ = '/host/public/';
  installAmdLoader();
  initOptionRegistries();
  await initializeI18n({ language: 'en-US', ns: ['grafana'] });
  wireRuntimeServices();
  installTestHooks();
  const container = document.getElementById('host-root');
  if (!container) {
    throw new Error('index.html has no #host-root');
  }
  createRoot(container).render(<HostApp />);
}

boot().catch((error: unknown) => {
  console.error('[test host] failed to start', error);
  document.body.textContent = `Test host failed to start: ${error instanceof Error ? error.message : String(error)}`;
});
