/** Type sizes of kiosk mode, for @grafana/ui components that set their own. */
export function linkVariant(kiosk: boolean): 'h4' | 'body' {
  return kiosk ? 'h4' : 'body';
}
