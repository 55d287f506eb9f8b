/**
 * The reliability suite (`npm run test:reliability`): real server processes killed, an SMS API
 * outage, a full disk. Not part of `npm test` (jest.config.js matches *.test.ts only). In band: the
 * scenarios load the machine and measure recovery, so they must not run beside each other.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.rel.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  maxWorkers: 1,
  verbose: true,
  testTimeout: 180_000,
};
