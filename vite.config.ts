/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  optimizeDeps: { include: ['js-yaml', 'zustand', '@xyflow/react', '@dagrejs/dagre'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
  // Playwright specs live in e2e/ and must not be collected by vitest.
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
})
