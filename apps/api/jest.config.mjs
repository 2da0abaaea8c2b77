// Jest runs the TypeScript sources as ES modules (see STACK.md): start it through
// `pnpm test`, which passes node --experimental-vm-modules.

/**
 * ESM-only packages that a CommonJS dependency require()s. Node 20 allows that
 * (require(esm)), Jest on Node 20 does not, so Jest compiles them to CommonJS.
 * content-disposition 3: required by @fastify/static (Swagger UI assets, H5 pages);
 * cookie 2: required by light-my-request (app.inject()).
 */
const REQUIRED_ESM_PACKAGES = ['content-disposition', 'cookie'];
const esmPackages = REQUIRED_ESM_PACKAGES.join('|');

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  // Unit and service tests next to the code, HTTP tests against the whole app in test/.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // test/faults start a PostgreSQL 15 cluster of their own and stop, restart and kill it, and
  // test/replica.e2e-spec.ts a primary with a streaming replica: they run in the TEST_DB=postgres
  // pass only (see the header of test/faults/database-restart.e2e-spec.ts).
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_DB === 'postgres' ? [] : ['<rootDir>/test/faults/', '<rootDir>/test/replica\\.e2e-spec\\.ts$']),
  ],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
    [`/node_modules/(${esmPackages})/.+\\.js$`]: [
      'ts-jest',
      { useESM: true, tsconfig: { allowJs: true, isolatedModules: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler' } },
    ],
  },
  // pnpm's layout: node_modules/.pnpm/<name>@<version>/node_modules/<name>/...
  transformIgnorePatterns: [`/node_modules/(?!\\.pnpm/(${esmPackages})@|(${esmPackages})/)`],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 2,
  // Starting a database takes seconds; a slow machine must not turn that into failures.
  testTimeout: 60_000,
};
