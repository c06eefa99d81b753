import { useCallback, useEffect, useRef, useState } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

/**
 * The content-box size of an element, kept current with a ResizeObserver. A zero size (the element
 * hidden, or the window collapsed for a moment, as Playwright does for a full-page screenshot)
 * keeps the last real one, so that panels are not unmounted and queried again.
 */
export function useElementSize<T extends HTMLElement>(): [(element: T | null) => void, ElementSize] {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  const observer = useRef<ResizeObserver | null>(null);

  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    if (!element) {
      return;
    }
    observer.current = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width === 0 || height === 0) {
        return;
      }
      setSize((previous) =>
        previous.width === Math.floor(width) && previous.height === Math.floor(height)
          ? previous
          : { width: Math.floor(width), height: Math.floor(height) }
      );
    });
    observer.current.observe(element);
  }, []);

  useEffect(() => () => observer.current?.disconnect(), []);

  return [ref, size];
}
