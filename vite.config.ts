import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './electron/security';

// The CSP also travels as a <meta> in index.html, from the same constant the app:// protocol and
// the preview send as a header: defence in depth if a response ever lacks the header.
// (frame-ancestors is header-only; browsers ignore it in a meta tag.)
const cspMeta = (): Plugin => ({
  name: 'companion-csp-meta',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}" />`,
    ),
});

// The renderer is a plain static build: Electron serves it from app://companion/, the browser
// preview from 127.0.0.1. Neither needs a dev server.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
