/**
 * The slice of UI session state: which scenario the user has open and the last request they sent.
 */
import type { StateCreator } from 'zustand/vanilla'
import type { HttpResult } from '../engine/facade.ts'
import type { AppState } from './appStore.ts'

/** A request the user sent and what came back. */
export interface SentRequest {
  /** Client, pod or node it was sent from. */
  from: string
  /** The URL requested. */
  url: string
  /** One result per request; empty while pending. */
  results: HttpResult[]
  /** pending until the worker answers; error when the worker refused it. */
  status: 'pending' | 'done' | 'error'
  /** The worker's error message when status is error. */
  error?: string
}

/** UI session state. */
export interface SessionSlice {
  /** The scenario text last sent to the worker. */
  scenarioText: string
  /** The scenario's file name, used in diagnostics. */
  scenarioFile: string
  /** The last request sent with "Send request", or null. */
  lastRequest: SentRequest | null
  /** Records the scenario the user opened. */
  setScenario: (text: string, file: string) => void
  /** Records that a request was sent. */
  requestSent: (from: string, url: string) => void
  /** Records the results of the last request. */
  requestDone: (results: HttpResult[]) => void
  /** Records that the last request failed in the worker. */
  requestFailed: (message: string) => void
}

/** Creates the session slice. */
export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  scenarioText: '',
  scenarioFile: '',
  lastRequest: null,
  setScenario: (text, file) => set({ scenarioText: text, scenarioFile: file }),
  requestSent: (from, url) => set({ lastRequest: { from, url, results: [], status: 'pending' } }),
  requestDone: (results) =>
    set((s) => (s.lastRequest ? { lastRequest: { ...s.lastRequest, results, status: 'done' } } : {})),
  requestFailed: (message) =>
    set((s) => (s.lastRequest ? { lastRequest: { ...s.lastRequest, status: 'error', error: message } } : {})),
})
