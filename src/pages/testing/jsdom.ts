/** What @grafana/ui needs of a browser that jsdom lacks, for the tests that render it. */

class NoIntersections {
  readonly root = null;
  readonly rootMargin = '';
  readonly thresholds = [];
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}

/** @grafana/ui's select menus only watch their position with IntersectionObserver. */
export function stubIntersectionObserver(): void {
  if (!('IntersectionObserver' in window)) {
    Object.defineProperty(window, 'IntersectionObserver', { value: NoIntersections, configurable: true });
  }
}

function canParse(url: string, base?: string): boolean {
  try {
    new URL(url, base);
    return true;
  } catch {
    return false;
  }
}

/** @grafana/ui's TextLink checks external links (through sanitizeUrl) with URL.canParse. */
export function stubUrlCanParse(): void {
  if (!('canParse' in URL)) {
    Object.defineProperty(URL, 'canParse', { value: canParse, configurable: true });
  }
}

/** @grafana/ui's Combobox measures its options' text on a canvas to size its menu, and watches its position. */
export function stubComboboxLayout(): void {
  Object.defineProperty(HTMLCanvasElement.prototype, 'getContext', {
    configurable: true,
    value: () => ({ font: '', measureText: (text: string) => ({ width: text.length * 7 }) }),
  });
  stubIntersectionObserver();
}

/** @grafana/ui's Drawer watches its size with ResizeObserver; jsdom lays nothing out, so nothing changes. */
export function stubResizeObserver(): void {
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', { value: NoIntersections, configurable: true });
  }
}

/** Every stub above: URL.canParse, a canvas to measure text, IntersectionObserver, ResizeObserver. */
export function stubBrowserGaps(): void {
  stubUrlCanParse();
  stubComboboxLayout();
  stubResizeObserver();
}
