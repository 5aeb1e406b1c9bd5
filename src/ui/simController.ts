/**
 * Connects the worker client to the store: sends commands, writes the replies into the store.
 * Components call these actions; they never talk to the worker themselves.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { AppState } from '../store/appStore.ts'
import type { SimClient } from '../worker/client.ts'

/** What the UI can ask the simulation to do. */
export interface SimController {
  /** Loads a scenario and runs it until settled; a later load supersedes an earlier one still running. */
  loadScenario(text: string, file: string): Promise<void>
  /** Sends one request and records its result. */
  sendRequest(from: string, url: string): Promise<void>
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Creates a controller; `client` is resolved lazily so the worker starts on first use. */
export function createSimController(client: () => SimClient, store: StoreApi<AppState>): SimController {
  let generation = 0
  const st = () => store.getState()
  return {
    async loadScenario(text, file) {
      const gen = ++generation
      st().setScenario(text, file)
      st().simLoading()
      try {
        await client().load(text, file)
        const settled = await client().runUntilSettled()
        if (gen === generation) st().setSnapshot(settled.snapshot, settled.events)
      } catch (err) {
        if (gen === generation) st().setSimError(message(err))
      }
    },
    async sendRequest(from, url) {
      st().requestSent(from, url)
      try {
        const reply = await client().request(from, url)
        if (reply.snapshot) st().setSnapshot(reply.snapshot)
        st().requestDone(reply.results)
      } catch (err) {
        st().requestFailed(message(err))
      }
    },
  }
}
