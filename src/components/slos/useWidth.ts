import { useCallback, useRef, useState } from 'react';

/** The width of an element, kept current with a ResizeObserver; `initial` until it is measured. */
export function useWidth<T extends HTMLElement>(initial: number): [(element: T | null) => void, number] {
  const [width, setWidth] = useState(initial);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    // jsdom (unit tests) has no ResizeObserver: keep the initial width.
    if (!element || typeof ResizeObserver === 'undefined') {
      return;
    }
    observer.current = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry.contentRect.width);
      // A hidden element measures 0: keep the last real width.
      if (measured > 0) {
        setWidth(measured);
      }
    });
    observer.current.observe(element);
  }, []);
  return [ref, width];
}
