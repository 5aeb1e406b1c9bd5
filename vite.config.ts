/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  optimizeDeps: {
    include: [
      'js-yaml', 'zustand', '@xyflow/react', '@dagrejs/dagre',
      // Dev only: the editor's deps sit behind a lazy import and in workers, where the first scan misses
      // them, and a late discovery reloads the page (stack.md §8 item 11). Keep in sync with src/ui/editor/monacoSetup.ts.
      'monaco-editor/esm/vs/editor/editor.api.js',
      'monaco-editor/esm/vs/editor/editor.all.js',
      'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneHelpQuickAccess.js',
      'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js',
      'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js',
      'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
  // Playwright specs live in e2e/ and must not be collected by vitest.
  // testTimeout guards hangs only; property tests run thousands of cases and a loaded 2-core box is slow.
  test: { include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
})
