// The module scripts/build.mjs generates for the integration bundle: one entry per
// test/integration/**/*.test.ts, loaded lazily so mocha's globals exist before a file runs.
declare module 'grounded:integration-tests' {
  export interface IntegrationTestModule {
    /** Path relative to test/integration, POSIX separators. */
    readonly file: string;
    readonly load: () => Promise<unknown>;
  }
  export const testModules: readonly IntegrationTestModule[];
}
