/** The thin React hook over the vanilla app store. */
import { useStore } from 'zustand'
import { appStore } from '../store/appStore.ts'
import type { AppState } from '../store/appStore.ts'

/** Selects a slice of the app state and re-renders when it changes. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(appStore, selector)
}
