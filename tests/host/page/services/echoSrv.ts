import type { EchoBackend, EchoEvent, EchoSrv } from '@grafana/runtime';

/**
 * Grafana's EchoSrv receives reportInteraction() and friends. The host keeps the events in a list
 * (window.__ninesEchoEvents) so a test can check what a page reported; nothing leaves the page.
 */
export class HostEchoSrv implements EchoSrv {
  readonly events: Array<Omit<EchoEvent, 'meta'>> = [];
  private backends: EchoBackend[] = [];

  flush(): void {
    this.backends.forEach((backend) => backend.flush());
  }

  addBackend(backend: EchoBackend): void {
    this.backends.push(backend);
  }

  addEvent<T extends EchoEvent>(event: Omit<T, 'meta'>): void {
    this.events.push(event);
  }

  onInteraction(): () => void {
    return () => undefined;
  }
}
