import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// The app is served same-origin by the gateway (gateway.web.directory = web/dist); `npm run dev` proxies the API
// and the sockets to a gateway on :8080 so the dev server is same-origin too.
export default defineConfig({
  plugins: [preact()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The CSP forbids inline scripts: never inline the module preload polyfill.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
