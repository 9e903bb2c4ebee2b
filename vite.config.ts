import { defineConfig } from 'vite';

/**
 * Entry points of the build, by output name. `escalated` registers the portal at once and
 * loads the agent and admin elements as separate chunks when their tags appear on the page.
 * The others register one element each and share their chunks with `escalated`.
 */
const ENTRIES = {
  escalated: 'widget/src/escalated.ts',
  portal: 'widget/src/entries/portal.ts',
  'agent-queue': 'widget/src/entries/agent-queue.ts',
  admin: 'widget/src/entries/admin.ts',
} as const;

// Builds dist/<entry>.js for each entry and puts every other module in dist/chunks/. No entry
// imports another, so everything escalated.js loads, at once or on demand, is in chunks/, and
// a server that serves escalated.js and chunks/ serves all of it.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: ENTRIES,
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
