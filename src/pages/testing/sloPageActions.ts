/** Helpers for the SLO page's action tests: who is signed in, the page header, and jsdom's gaps. */
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import type { FakeGrafana } from '../../store/testing';
import { installIntersectionObserver } from './slosList';

export const UID = 'checkout-availability';

const signedIn = { ...config.bootData.user };

/** Signs a user in to the in-memory Grafana and to the boot data the app reads permissions from. */
export function signIn(grafana: FakeGrafana, role: 'editor' | 'viewer'): void {
  grafana.signIn(role);
  config.bootData.user = { ...signedIn, orgRole: role === 'editor' ? OrgRole.Editor : OrgRole.Viewer };
}

export function signOut(): void {
  config.bootData.user = { ...signedIn };
}

/** Where the page's actions are drawn (see the PluginPage mock of the tests). */
export function header(): HTMLElement {
  const element = document.querySelector('header');
  if (!element) {
    throw new Error('the page has no header');
  }
  return element;
}

function canParse(url: string, base?: string): boolean {
  try {
    new URL(url, base);
    return true;
  } catch {
    return false;
  }
}

/** What @grafana/ui needs that jsdom lacks: URL.canParse, a canvas to measure text, IntersectionObserver. */
export function installBrowserGaps(): void {
  if (!('canParse' in URL)) {
    Object.defineProperty(URL, 'canParse', { value: canParse, configurable: true });
  }
  // Combobox measures its options' text to size its menu.
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) }),
  });
  installIntersectionObserver();
}
