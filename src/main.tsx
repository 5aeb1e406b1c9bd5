/** Browser entry: mounts the app. The simulation runs in src/worker, never on this thread. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { appStore } from './store/appStore.ts'
import { App } from './ui/App.tsx'
import { appController } from './ui/appController.ts'
import './ui/app.css'

/** What Playwright reaches through `window.__playground` (installed only under automation). */
export interface PlaygroundTestHook {
  /** Blocks the simulation worker for `ms` (the watchdog must notice and restart it). */
  hangWorker(ms: number): Promise<void>
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHook
  }
}

if (window.matchMedia('(prefers-color-scheme: dark)').matches) appStore.getState().setTheme('dark')
if (navigator.webdriver) window.__playground = { hangWorker: (ms) => appController.debugHang(ms) }

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
