/** The app's single controller, bound to the real, supervised simulation worker (started on first use). */
import { appStore } from '../store/appStore.ts'
import { startSimWorker } from '../worker/startSimWorker.ts'
import { createSimController } from './simController.ts'
import type { SimController } from './simController.ts'

/** The controller the components use. */
export const appController: SimController = createSimController((callbacks) => startSimWorker(callbacks), appStore, {
  now: () => performance.now(),
  later: (ms, fn) => {
    const h = setTimeout(fn, ms)
    return () => clearTimeout(h)
  },
})
