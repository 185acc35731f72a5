import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const rules = fileURLToPath(new URL('../libs/shared/src/rules/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  // The same validation rules as the server (pure functions in libs/shared, no Node code).
  resolve: { alias: { '@garage/rules': rules } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or styles the CSP would refuse; no source maps shipped.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
    // dist/.vite/manifest.json: the chunk graph scripts/bundle-size.mjs measures (never served).
    manifest: true,
  },
  // `npm run dev -w web`: the gateway (npm start) answers the API.
  server: { port: 5173, proxy: { '/api': 'http://localhost:5000', '/health': 'http://localhost:5000' } },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
