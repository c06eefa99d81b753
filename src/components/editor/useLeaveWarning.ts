import { useEffect } from 'react';

/** Asks the browser to confirm before the tab closes or reloads while `active` (unsaved edits). */
export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) {
      return;
    }
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [active]);
}
