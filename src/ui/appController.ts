/** The app's single controller, bound to the real simulation worker (started on first use). */
import { appStore } from '../store/appStore.ts'
import { startSimWorker } from '../worker/startSimWorker.ts'
import type { SimClient } from '../worker/client.ts'
import { createSimController } from './simController.ts'
import type { SimController } from './simController.ts'

let client: SimClient | undefined

/** The controller the components use. */
export const appController: SimController = createSimController(() => (client ??= startSimWorker()), appStore)
