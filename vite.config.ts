import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// https://vite.dev/config/
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own: it loads lazily after the list, and the bundle
        // benchmark measures it apart from the app's own code
        codeSplitting: { groups: [{ name: 'maplibre-gl', test: /[\\/]node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  // module workers (they are started with type: 'module'), so that the data worker can load its
  // editing and import code on first use instead of with every visit
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // property tests run thousands of cases; 2-core CI machines need more than the 5 s default
    testTimeout: 30_000,
    // component tests opt in with `// @vitest-environment happy-dom`
  },
});
