/**
 * The autosave's guard: a store in embed mode (`embedded`, set by ?embed=1) never writes the
 * user's storage, however its work changes; the same store outside embed mode does (so the test
 * can fail). Timers are fake; window and document are stand-ins (the binding listens for pagehide).
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../../persist/memoryStorage.ts'
import { createAppStore } from '../../store/appStore.ts'
import { startAutosave } from '../share/autosaveBinding.ts'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('autosave in embed mode', () => {
  it('an embedded store writes nothing; a normal one saves after the delay', () => {
    vi.useFakeTimers()
    vi.stubGlobal('window', { addEventListener() {} })
    vi.stubGlobal('document', { addEventListener() {}, visibilityState: 'visible' })

    const embedded = createAppStore()
    embedded.setState({ embedded: true })
    const quiet = memoryStorage()
    startAutosave(embedded, quiet)
    embedded.getState().loadEditorText('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n', 'a.yaml')
    embedded.getState().setEditorText('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n')
    vi.advanceTimersByTime(5000)
    expect([...quiet.map.keys()]).toEqual([])

    const normal = createAppStore()
    const saved = memoryStorage()
    startAutosave(normal, saved)
    normal.getState().loadEditorText('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: c\n', 'c.yaml')
    vi.advanceTimersByTime(5000)
    expect([...saved.map.keys()]).toEqual(['k8s-service-playground/autosave/v1'])
  })
})
