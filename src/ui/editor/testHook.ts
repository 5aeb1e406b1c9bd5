/**
 * The test bridge: when the browser is driven by automation (`navigator.webdriver`, as under
 * Playwright), ManifestEditor puts Monaco and the editor on `window.__manifestEditor`, so specs
 * can read markers (`monaco.editor.getModelMarkers`) and positions. No global declaration here (the
 * e2e page objects declare their own structural subset); specs cast: `(window as unknown as
 * WithManifestEditor).__manifestEditor`. Types only; no JSX, so tsconfig.node can import it.
 */
import type * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js'

/** What `window.__manifestEditor` holds. */
export interface ManifestEditorTestHook {
  monaco: typeof monaco
  editor: monaco.editor.IStandaloneCodeEditor
}

/** A window with the hook installed. */
export interface WithManifestEditor {
  __manifestEditor?: ManifestEditorTestHook
}
