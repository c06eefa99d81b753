import type { NavLinkDTO } from '@grafana/data';
import { config } from '@grafana/runtime';

// App sections built by the host from plugin.json, for apps that boot data's navTree lacks.
const appSections = new Map<string, NavLinkDTO>();

function containsUrl(nodes: NavLinkDTO[], url: string | undefined): boolean {
  return nodes.some((node) => node.url === url || containsUrl(node.children ?? [], url));
}

export function addAppSection(section: NavLinkDTO): void {
  appSections.set(section.url ?? section.text, section);
}

/** Grafana's nav tree: boot data's, plus the sections of loaded apps it does not already list. */
export function navTree(): NavLinkDTO[] {
  const boot = config.bootData.navTree ?? [];
  return [...boot, ...[...appSections.values()].filter((section) => !containsUrl(boot, section.url))];
}
