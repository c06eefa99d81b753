/**
 * Grafana puts its own PluginPage in place at start-up (runtime's stand-in draws the children only);
 * tests of a page's actions mock @grafana/runtime with one that, like Grafana's, draws them too:
 *
 *   jest.mock('@grafana/runtime', () =>
 *     jest.requireActual<typeof PluginPageTesting>('./testing/pluginPage').runtimeWithPluginPage()
 *   );
 */
import { createElement } from 'react';
import type { PluginPageProps } from '@grafana/runtime';
import type * as Runtime from '@grafana/runtime';

/** @grafana/runtime with a PluginPage that draws the page's actions in a header above its content. */
export function runtimeWithPluginPage(): typeof Runtime {
  const runtime = jest.requireActual<typeof Runtime>('@grafana/runtime');
  const PluginPage = ({ actions, children }: PluginPageProps) =>
    createElement('div', null, createElement('header', null, actions), children);
  return { ...runtime, PluginPage };
}

/** Where the page's actions are drawn. */
export function header(): HTMLElement {
  const element = document.querySelector('header');
  if (!element) {
    throw new Error('the page has no header');
  }
  return element;
}
