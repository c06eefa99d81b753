import { locationService, LocationServiceProvider } from '@grafana/runtime';
import React, { useEffect, useMemo, useState, type ReactNode } from 'react';
import { createPath, parsePath, Router, type Navigator } from 'react-router-dom';

/**
 * A react-router v6 Router driven by runtime's locationService, as in Grafana: plugin code that
 * calls locationService.push() and code that uses <Link>/useNavigate() move the same history.
 * (runtime's setLocationService is for tests only; its own locationService is the real one.)
 */
export function HostRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(() => locationService.getLocation());

  useEffect(() => {
    const subscription = locationService.getLocationObservable().subscribe(setLocation);
    return () => subscription.unsubscribe();
  }, []);

  // history v4 (runtime's) and react-router v6 describe a target location slightly differently.
  const navigator = useMemo<Navigator>(
    () => ({
      createHref: (to) => history.createHref(typeof to === 'string' ? parsePath(to) : to),
      push: (to, state) => history.push(typeof to === 'string' ? to : createPath(to), state),
      replace: (to, state) => history.replace(typeof to === 'string' ? to : createPath(to), state),
      go: (delta) => history.go(delta),
    }),
    [history]
  );

  return (
    <LocationServiceProvider service={locationService}>
      <Router navigator={navigator} location={location}>
        {children}
      </Router>
    </LocationServiceProvider>
  );
}
