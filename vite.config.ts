import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a plain static build: Electron serves it from app://companion/, the browser
// preview from 127.0.0.1. Neither needs a dev server.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
