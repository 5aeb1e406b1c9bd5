/**
 * The manifest editor: Monaco with monaco-yaml and the Kubernetes schema, plus the engine's
 * diagnostics as markers. Default export so the App can `React.lazy(() => import(...))` it: this
 * module pulls in Monaco, which must stay out of the initial bundle.
 *
 * The user's text is never replaced: the model's value is set on mount and when `revision`
 * changes (a load), and that load is an undoable edit. Every edit calls `onChange`.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { ManifestEditorProps } from '../contracts.ts'
import type { DiagnosticFix } from '../../engine/model/errors.ts'
import { diagnosticsToMarkers, ENGINE_MARKER_OWNER } from './markers.ts'
import { MODEL_URI, monaco, THEMES } from './monacoSetup.ts'
import { APPLY_FIX_COMMAND, fixEditOperations, fixStillApplies, quickFixActions } from './quickFix.ts'
import { editorStrings } from './strings.ts'
import type { Lang } from '../../i18n/lang.ts'
import { useLang } from '../i18n/useLang.ts'
import type { WithManifestEditor } from './testHook.ts'

// Editor font sizes (px): normal, and large for projection.
const FONT_SIZE = { normal: 14, large: 20 } as const

const SEVERITY = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning } as const

function setEngineMarkers(model: monaco.editor.ITextModel, diagnostics: ManifestEditorProps['diagnostics']): void {
  const markers = diagnosticsToMarkers(model, diagnostics).map((m) => ({
    ...m,
    severity: SEVERITY[m.severity],
    source: editorStrings.en.markerSource,
  }))
  monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, markers)
}

/**
 * Applies a fix as one undoable edit, if the text is still what it was computed from. The model's
 * change event then sends the new text through `onChange`, like typing.
 */
function applyFix(editor: monaco.editor.IStandaloneCodeEditor, fix: DiagnosticFix): boolean {
  const model = editor.getModel()
  if (!model || !fixStillApplies(model, fix)) return false
  editor.pushUndoStop()
  model.pushEditOperations(editor.getSelections(), fixEditOperations(fix), () => null)
  editor.pushUndoStop()
  return true
}

/**
 * Offers the fixes of the engine's diagnostics as quick fixes (light bulb, Ctrl+.) anywhere in the
 * document they belong to.
 */
function registerQuickFixes(model: monaco.editor.ITextModel, diagnostics: () => ManifestEditorProps['diagnostics'], lang: () => Lang): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider(
    'yaml',
    {
      provideCodeActions(m, range) {
        return { actions: m === model ? quickFixActions(m, diagnostics(), range.startLineNumber, lang()) : [], dispose() {} }
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  )
}

/** The manifest editor (see ManifestEditorProps in ../contracts.ts). */
export default function ManifestEditor(props: ManifestEditorProps) {
  // Our texts follow the UI language (Monaco's own widgets stay English); switching never recreates the editor.
  const lang = useLang()
  const langRef = useRef(lang)
  useLayoutEffect(() => {
    langRef.current = lang
  })
  const hostRef = useRef<HTMLDivElement>(null)
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null)
  // The latest props, for callbacks registered once at mount (onChange, onReady).
  const latest = useRef(props)
  useLayoutEffect(() => {
    latest.current = props
  })
  const appliedRevision = useRef(props.revision)
  // True while the editor writes a load into the model: that is not a user edit.
  const loading = useRef(false)

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    const { text, revision, dark, largeText } = latest.current
    // StrictMode mounts twice and the first cleanup disposes the model; reuse one left by anyone else.
    const existing = monaco.editor.getModel(MODEL_URI)
    if (existing && existing.getValue() !== text) existing.setValue(text)
    const model = existing ?? monaco.editor.createModel(text, 'yaml', MODEL_URI)
    appliedRevision.current = revision
    monaco.editor.setTheme(dark ? THEMES.dark : THEMES.light)
    const editor = monaco.editor.create(host, {
      model,
      automaticLayout: true,
      ariaLabel: editorStrings[langRef.current].editorLabel,
      fontSize: largeText ? FONT_SIZE.large : FONT_SIZE.normal,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      wordBasedSuggestions: 'off',
      quickSuggestions: { other: true, comments: false, strings: true },
      // In YAML Enter mostly means "new line": accept a suggestion with it only when that changes the text
      // (typing `v1` then Enter while `v1` is suggested must not swallow the line break; see enterKey.ts).
      acceptSuggestionOnEnter: 'smart',
      // Hover and suggest widgets may overflow the editor pane instead of being clipped by it.
      fixedOverflowWidgets: true,
      renderLineHighlight: 'line',
      'semanticHighlighting.enabled': false,
    })
    editorRef.current = editor
    // Monaco scrolls virtually; its scrollable element (overflow: hidden) must never scroll natively. A
    // browser scrollIntoView (find in page, assistive tech, automation clicks) can still scroll it in a
    // narrow pane, shifting every line out of sight. Put it back.
    const scrollable = editor.getDomNode()?.querySelector<HTMLElement>('.editor-scrollable')
    const unscroll = () => {
      if (scrollable && (scrollable.scrollLeft !== 0 || scrollable.scrollTop !== 0)) scrollable.scrollTo(0, 0)
    }
    scrollable?.addEventListener('scroll', unscroll)
    const changes = model.onDidChangeContent(() => {
      if (!loading.current) latest.current.onChange(model.getValue())
    })
    const fixCommand = monaco.editor.registerCommand(APPLY_FIX_COMMAND, (_accessor: unknown, fix: DiagnosticFix) => {
      applyFix(editor, fix)
    })
    const quickFixes = registerQuickFixes(model, () => latest.current.diagnostics, () => langRef.current)
    // The test bridge (testHook.ts), only under automation.
    const bridge = window as WithManifestEditor
    if (navigator.webdriver) bridge.__manifestEditor = { monaco, editor }
    latest.current.onReady?.({
      revealLine(line, col) {
        const ed = editorRef.current
        if (!ed) return
        ed.revealLineInCenterIfOutsideViewport(line)
        ed.setPosition({ lineNumber: line, column: col })
        ed.focus()
      },
      applyFix(fix) {
        const ed = editorRef.current
        if (!ed || !applyFix(ed, fix)) return false
        // The button that asked goes away with its problem: keep the keyboard in the converted document.
        ed.revealLineInCenterIfOutsideViewport(fix.source.startLine)
        ed.setPosition({ lineNumber: fix.source.startLine, column: 1 })
        ed.focus()
        return true
      },
    })
    return () => {
      scrollable?.removeEventListener('scroll', unscroll)
      changes.dispose()
      fixCommand.dispose()
      quickFixes.dispose()
      if (bridge.__manifestEditor?.editor === editor) delete bridge.__manifestEditor
      editorRef.current = null
      editor.dispose()
      monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, [])
      model.dispose()
    }
  }, [])

  // A load from outside (scenario, share link): replace the text as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current
    const model = editor?.getModel()
    if (!editor || !model || props.revision === appliedRevision.current) return
    appliedRevision.current = props.revision
    if (model.getValue() === props.text) return
    loading.current = true
    try {
      editor.pushUndoStop()
      editor.executeEdits('load', [{ range: model.getFullModelRange(), text: props.text, forceMoveMarkers: true }])
      editor.pushUndoStop()
    } finally {
      loading.current = false
    }
    editor.setPosition({ lineNumber: 1, column: 1 })
    editor.setScrollTop(0)
    // The diagnostics we hold are for the old text; the next `diagnostics` prop brings the new ones.
    monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, [])
  }, [props.revision, props.text])

  // Declared after the load effect: when a load and its diagnostics arrive together, both apply in order.
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (model) setEngineMarkers(model, props.diagnostics)
  }, [props.diagnostics])

  useEffect(() => {
    monaco.editor.setTheme(props.dark ? THEMES.dark : THEMES.light)
  }, [props.dark])

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: editorStrings[lang].editorLabel })
  }, [lang])

  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize: props.largeText ? FONT_SIZE.large : FONT_SIZE.normal })
  }, [props.largeText])

  // `nokey`: React Flow ignores key events from here (Space would otherwise be swallowed, stack.md §8 item 3).
  return <div ref={hostRef} className="nokey manifest-editor" data-testid="manifest-editor" style={{ width: '100%', height: '100%', minHeight: 0 }} />
}
