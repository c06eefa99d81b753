// Browser tests: run through `npm run e2e`, which starts Prometheus, the host server and Chromium
// and passes their addresses in the environment (tests/e2e/env.ts). Not part of `npm test`.
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  // A page load with a cold bundle takes a few seconds on a busy 2-core machine.
  testTimeout: 60000,
  slowTestThreshold: 20,
};
