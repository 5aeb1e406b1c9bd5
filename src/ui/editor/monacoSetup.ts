/**
 * Monaco 0.52 + monaco-yaml, configured once per page. Only ManifestEditor imports this module, and
 * the App loads ManifestEditor with React.lazy, so none of it is in the initial bundle.
 *
 * Slim imports (stack.md §8 items 2, 4, 5): the editor API, its contributions (find, suggest,
 * hover, folding …), a few quick-access commands, and the YAML tokenizer only — not the 80
 * languages and the TS/CSS/HTML/JSON workers that `import 'monaco-editor'` drags in.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js'
import 'monaco-editor/esm/vs/editor/editor.all.js'
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneHelpQuickAccess.js'
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneCommandsQuickAccess.js'
import 'monaco-editor/esm/vs/editor/standalone/browser/quickAccess/standaloneGotoLineQuickAccess.js'
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker'
import { configureMonacoYaml, type JSONSchema, type MonacoYamlOptions } from 'monaco-yaml'
import { enterAction, type FocusedSuggestion } from './enterKey.ts'
import { schemaForEditor, type GeneratedSchema } from './schemaForEditor.ts'
import YamlWorker from './yaml.worker.ts?worker'

// Must be set before the first model or editor is created (stack.md §8 item 4).
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'yaml') return new YamlWorker()
    if (label === 'editorWorkerService') return new EditorWorker()
    throw new Error(`Unknown Monaco worker label: ${label}`)
  },
}

// monaco-yaml turns each fileMatch pattern into the glob `**/<pattern>` over the model URI.
const MODEL_PATH = 'playground/scenario.k8s.yaml'

/** The URI of the one manifest model; the schema's `fileMatch` names it. */
export const MODEL_URI = monaco.Uri.parse(`file:///${MODEL_PATH}`)

/** Monaco theme names: light is Monaco's `vs`; dark is `vs-dark` with readable comments. */
export const THEMES = { light: 'vs', dark: 'playground-dark' } as const

// vs-dark's comment green (#608B4E on #1E1E1E) is 4.2:1, below WCAG AA's 4.5:1 (axe: color-contrast);
// #6A9955, VS Code Dark+'s comment colour, is 5.0:1.
monaco.editor.defineTheme(THEMES.dark, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6A9955' }], colors: {} })

// The parts of Monaco's suggest controller (internal, pinned 0.52.2) the Enter binding reads.
interface SuggestControllerInternals {
  widget?: { value?: { getFocusedItem?(): { item: SuggestItemInternals } | undefined } }
}
interface SuggestItemInternals {
  editStart: { column: number }
  completion: { insertText: string; insertTextRules?: number; additionalTextEdits?: unknown[] }
}

function focusedSuggestion(editor: monaco.editor.ICodeEditor): FocusedSuggestion | undefined | 'unknown' {
  const ctrl = editor.getContribution('editor.contrib.suggestController') as unknown as SuggestControllerInternals | null
  const widget = ctrl?.widget?.value
  if (typeof widget?.getFocusedItem !== 'function') return 'unknown'
  const item = widget.getFocusedItem()?.item
  if (!item) return undefined
  const snippet = ((item.completion.insertTextRules ?? 0) & monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet) !== 0
  return {
    editStartColumn: item.editStart.column,
    insertText: item.completion.insertText,
    isSnippet: snippet,
    hasAdditionalEdits: !!item.completion.additionalTextEdits?.length,
  }
}

// Enter with the completion list open: accept only if that changes the text (see enterKey.ts).
// A dynamic keybinding outranks Monaco's own accept-on-Enter binding.
monaco.editor.registerCommand('playground.enterInSuggest', () => {
  const editor = monaco.editor.getEditors().find((e) => e.hasTextFocus())
  const model = editor?.getModel()
  const pos = editor?.getPosition()
  if (!editor || !model || !pos) return
  const focused = focusedSuggestion(editor)
  const action = focused === 'unknown' ? 'accept' : enterAction(model.getLineContent(pos.lineNumber), pos.column, focused)
  if (action === 'accept') {
    editor.trigger('keyboard', 'acceptSelectedSuggestion', {})
  } else {
    editor.trigger('keyboard', 'hideSuggestWidget', {})
    editor.trigger('keyboard', 'type', { text: '\n' })
  }
})
monaco.editor.addKeybindingRule({ keybinding: monaco.KeyCode.Enter, command: 'playground.enterInSuggest', when: 'suggestWidgetVisible && textInputFocus' })

/** The id the schema is registered under (never fetched: `enableSchemaRequest` is off). */
const SCHEMA_URI = 'inmemory://playground/k8s.schema.json'

const baseOptions: MonacoYamlOptions = {
  // Kubernetes (go-yaml) reads YAML 1.1, like the engine's js-yaml YAML11_SCHEMA (stack.md §8 item 12).
  yamlVersion: '1.1',
  isKubernetes: true,
  validate: true,
  hover: true,
  completion: true,
  format: { enable: true },
  enableSchemaRequest: false,
  // The schema's id is an in-memory URI: a "source" link in every hover would lead nowhere.
  hoverSchemaSource: false,
}

// monaco-yaml allows one configured instance per page; this module is evaluated once.
const monacoYaml = configureMonacoYaml(monaco, baseOptions)

/**
 * Resolves once the Kubernetes schema (its own lazy chunk, ~330 KB of JSON) is registered for
 * MODEL_URI. The editor does not wait for it: YAML syntax checks work at once, schema checks,
 * completion and hover follow.
 */
export const schemaReady: Promise<void> = import('../../engine/schema/k8s.schema.json').then(async (mod) => {
  const schema = schemaForEditor(mod.default as unknown as GeneratedSchema) as JSONSchema
  await monacoYaml.update({ ...baseOptions, schemas: [{ uri: SCHEMA_URI, fileMatch: [MODEL_PATH], schema }] })
})

export { monaco }
