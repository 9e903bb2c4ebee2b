import { defineConfig } from 'vite';

// Builds the embeddable bundle: dist/escalated.js registers the portal at once and loads the
// agent and admin elements as separate chunks when their tags appear on the page.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The manifest lists each chunk's static and dynamic imports, for the bundle-size benchmark.
    manifest: true,
    target: 'es2022',
    lib: {
      entry: 'widget/src/escalated.ts',
      formats: ['es'],
      fileName: () => 'escalated.js',
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
