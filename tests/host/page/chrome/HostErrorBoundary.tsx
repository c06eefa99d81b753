import { Alert } from '@grafana/ui';
import React, { type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Names what failed, e.g. "panel 3 (nines-slo-panel)". */
  label: string;
  children: ReactNode;
  /** A change here (new data, new plugin) lets the boundary try again. */
  resetKey?: unknown;
}

interface State {
  error?: Error;
  resetKey?: unknown;
}

/**
 * Catches a render error, shows it where the content would be, and logs it with console.error so
 * that the browser tests fail on it (an error swallowed by a boundary would otherwise pass).
 */
export class HostErrorBoundary extends React.Component<Props, State> {
  state: State = {};

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) {
      return { error: undefined, resetKey: props.resetKey };
    }
    return null;
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`[test host] ${this.props.label} failed to render: ${error.message}`, error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return (
        <Alert severity="error" title={`${this.props.label} failed to render`}>
          {this.state.error.message}
        </Alert>
      );
    }
    return this.props.children;
  }
}
