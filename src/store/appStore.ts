/**
 * The one app store, built from slices (zustand's slices pattern) on the vanilla core so that
 * non-React code and tests use it without React; the UI reads it through a thin hook.
 */
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import { createLessonSlice } from './lessonSlice.ts'
import type { LessonSlice } from './lessonSlice.ts'
import { createSessionSlice } from './sessionSlice.ts'
import type { SessionSlice } from './sessionSlice.ts'
import { createSimSlice } from './simSlice.ts'
import type { SimSlice } from './simSlice.ts'
import { createTerminalSlice } from './terminalSlice.ts'
import type { TerminalSlice } from './terminalSlice.ts'

/** Everything the app stores. */
export type AppState = SimSlice & SessionSlice & TerminalSlice & LessonSlice

/** Creates a fresh store (the app uses one; tests make their own). */
export function createAppStore(): StoreApi<AppState> {
  return createStore<AppState>()((...a) => ({ ...createSimSlice(...a), ...createSessionSlice(...a), ...createTerminalSlice(...a), ...createLessonSlice(...a) }))
}

/** The app's store. */
export const appStore: StoreApi<AppState> = createAppStore()
