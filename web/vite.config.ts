import { defineConfig } from 'vite';

// Relative base: the server rewrites index.html's "./static/" to its base URL, and CSS refers to fonts relative to itself,
// so one build works under any --base-url.
export default defineConfig({
  base: './',
  build: {
    outDir: process.env.QUIRE_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    assetsDir: 'static',
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // @jupyterlab/coreutils reads a Node-only config with eval; that branch never runs in a browser.
        if (warning.code === 'EVAL' && warning.id?.includes('@jupyterlab/coreutils')) return;
        warn(warning);
      },
    },
  },
});
