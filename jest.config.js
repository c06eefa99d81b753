// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

// Jest configuration provided by Grafana scaffolding, extended below.
const baseConfig = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');

// The scaffold's swc transform only matches .(t|j)sx?; ESM-only dependencies of @grafana/ui
// ship .mjs files (d3-interpolate), which then fail with "Cannot use import statement outside a module".
const swcTransform = baseConfig.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  ...baseConfig,
  moduleNameMapper: {
    ...baseConfig.moduleNameMapper,
    // Under jsdom, jest resolves react-dom/server to its browser build, which in React 19 needs
    // MessageChannel (missing in jsdom) as soon as it is imported; @grafana/ui's Text imports it.
    // Tests run in Node, so they get React's Node server renderer.
    '^react-dom/server$': 'react-dom/server.node',
    // Under jsdom, `yaml` resolves to its ESM browser build, which jest cannot load; Node's build is the same code.
    '^yaml$': '<rootDir>/node_modules/yaml/dist/index.js',
    // The scaffold's mock with a test id read without a backtracking regex (see the file).
    'react-inlinesvg': '<rootDir>/tests/jest/reactInlineSvg.tsx',
  },
  // Timeouts guard against a hang; speed is measured by `npm run bench`. Property tests and page
  // renders take up to 4 s alone, more on a CI machine whose cores run other suites too, so the
  // 5 s default would make them fail by the machine's load.
  testTimeout: 60_000,
  testMatch: [...baseConfig.testMatch, '<rootDir>/tests/**/*.test.{ts,tsx}'],
  // ESM-only dependencies of @grafana/* 13 that the scaffold's list (made for 12.x) lacks.
  transformIgnorePatterns: [
    nodeModulesToTransform([...grafanaESModules, '@react-hookz/web', '@ver0/deep-equal', '@grafana/react-data-grid']),
  ],
  transform: {
    '^.+\\.(t|j)sx?$': swcTransform,
    '^.+\\.mjs$': swcTransform,
  },
};
