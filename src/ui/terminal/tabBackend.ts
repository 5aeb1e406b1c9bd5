/**
 * Connects a tab's session to the app: lines go through the controller to the worker; what the
 * reply asks for happens here (a pod shell opens as a new tab, `kubectl edit` opens the object in
 * the editor, an exited shell closes its tab); completion reads the latest snapshot and the
 * editor's files.
 */
import type { StoreApi } from 'zustand/vanilla'
import type { AppState } from '../../store/appStore.ts'
import type { TerminalTab } from '../../store/terminalSlice.ts'
import type { Snapshot } from '../../worker/protocol.ts'
import type { SimController } from '../simController.ts'
import type { CompletionData, NamedObject } from './completion.ts'
import { editorFiles } from './files.ts'
import { terminalStrings } from './strings.ts'
import type { CommandOutcome, SessionBackend } from './terminalSession.ts'

let namedOf: { snapshot: Snapshot | null; objects: NamedObject[] } = { snapshot: null, objects: [] }

/** The snapshot's objects as completion sees them (recomputed only when the snapshot changes). */
function namedObjects(snapshot: Snapshot | null): NamedObject[] {
  if (namedOf.snapshot !== snapshot) {
    const objects = (snapshot?.objects ?? []).map((o) => ({ kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) }))
    namedOf = { snapshot, objects }
  }
  return namedOf.objects
}

/** The backend of one tab. */
export function tabBackend(tab: TerminalTab, controller: SimController, store: StoreApi<AppState>): SessionBackend {
  return {
    async run(line): Promise<CommandOutcome> {
      const r = await controller.runTerminal(tab.id, tab.host, line)
      if (r.openShell) store.getState().openTerminalTab(r.openShell)
      // A shell that kept stdout and stderr in order says so in `output`.
      let stdout = r.output ?? r.stdout
      const stderr = r.output === undefined ? r.stderr : ''
      if (r.openInEditor) {
        const o = r.openInEditor
        controller.startLiveEdit(o, tab.id)
        // Muted, like the session's own notes; the colour ends before the line does.
        stdout += `\x1b[90m${terminalStrings[store.getState().lang].liveEditNote(`${o.kind.toLowerCase()}/${o.name}`)}\x1b[0m\n`
      }
      return { stdout, stderr, ...(r.exited ? { exited: true } : {}), ...(r.prompt !== undefined ? { prompt: r.prompt } : {}) }
    },
    completion(): CompletionData {
      const s = store.getState()
      const text = s.liveEdit ? s.liveEdit.stash.text : s.editorText
      const file = s.liveEdit ? s.liveEdit.stash.file : s.scenarioFile
      return { objects: namedObjects(s.snapshot), files: Object.keys(editorFiles(text, file)) }
    },
    exited() {
      store.getState().closeTerminalTab(tab.id)
      controller.closeTerminal(tab.id)
    },
  }
}
