// The version of the demo generator's default output. Stored beside a generated demo in
// IndexedDB: when the app ships a generator whose output changed, an untouched stored demo is
// regenerated instead of showing last release's data. Bump it together with PINNED_HASH in
// generate.test.ts (that test pins both).
export const DEMO_DATA_VERSION = 2;
