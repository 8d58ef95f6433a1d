// Test tiers (see README "Tests"): unit = pure code; contract = the same GraphQL suite on every
// store; e2e = the HTTP server; browser = pages in Debian's chromium (explorer, report). @swc/jest emits decorator metadata, which type-graphql needs.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const tier = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  setupFiles: ['reflect-metadata', '<rootDir>/tests/support/isolate-env.ts'],
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  ...extra,
});

module.exports = {
  projects: [
    tier('unit'),
    tier('contract', { setupFilesAfterEnv: ['<rootDir>/tests/support/contract-setup.ts'] }),
    tier('e2e'),
    tier('browser'),
  ],
};
