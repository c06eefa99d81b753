// Jest setup provided by Grafana scaffolding. Its stubs (matchMedia, HTMLCanvasElement) need a DOM,
// so tests that run in `@jest-environment node` (pure code, e.g. src/engine) go without them.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
