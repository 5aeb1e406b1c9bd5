/**
 * `kubectl edit TYPE/NAME` (kubectl pkg/cmd/edit, pkg/cmd/util/editor): instead of starting
 * $EDITOR on a temp file, the result asks the UI to open the live object in the editor
 * (result.openInEditor) with the temp file's contents: kubectl's instruction header, then the
 * object as YAML without managedFields (`--show-managed-fields=false`). Several objects (e.g.
 * `kubectl edit svc`) are edited together as one `v1 List`, as kubectl does.
 */
import type { KObject } from '../../model/k8s.ts'
import { finish } from '../errors.ts'
import { toGoJson } from '../format/gojson.ts'
import { toGoYaml } from '../format/goyaml.ts'
import { fail } from '../result.ts'
import type { FlagSpec, Invocation, KubectlContext, KubectlResult, VerbSpec } from '../types.ts'
import { resolveTargets } from './builder.ts'
import { VERB_HELP } from './help.ts'

const EDIT_FLAGS: readonly FlagSpec[] = [
  { name: 'output', shorthand: 'o', type: 'string' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'help', shorthand: 'h', type: 'bool' },
]

/** The comment kubectl writes above the object in the editor (editor.go editHeaderTemplate). */
export const EDIT_HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n'

/** The object as `kubectl edit` shows it: managedFields hidden. */
function forEdit(obj: KObject): KObject {
  if (obj.metadata.managedFields === undefined) return obj
  const { managedFields: _hidden, ...metadata } = obj.metadata
  return { ...obj, metadata }
}

/** Runs `kubectl edit`. */
export function runEdit(inv: Invocation, ctx: KubectlContext): KubectlResult {
  const output = typeof inv.flags.output === 'string' ? inv.flags.output : 'yaml'
  if (output !== 'yaml' && output !== 'json') return fail(`the edit mode doesn't support output the format "${output}"`)
  // edit selects every object of a bare type (ResourceTypeOrNameArgs(true, …)).
  const targets = resolveTargets(inv.args, inv, ctx, { all: inv.args.length === 1 && !(inv.args[0] as string).includes('/'), files: true, lookupFiles: true })
  if ('fatal' in targets) return finish('', [targets.fatal])
  if (targets.errors.length > 0) return finish('', targets.errors)
  const objs = targets.infos.map((i) => forEdit(i.obj))
  if (objs.length === 0) return { stdout: '', stderr: `No resources found in ${inv.namespace} namespace.\n`, exitCode: 0 }
  const single = objs.length === 1 ? (objs[0] as KObject) : undefined
  const value = single ?? { apiVersion: 'v1', items: objs, kind: 'List', metadata: { resourceVersion: '' } }
  const body = output === 'json' ? toGoJson(value) : toGoYaml(value)
  return {
    stdout: '',
    stderr: '',
    exitCode: 0,
    openInEditor: {
      kind: single ? single.kind : 'List',
      ...(single?.metadata.namespace ? { namespace: single.metadata.namespace } : {}),
      name: single ? single.metadata.name : '',
      yaml: EDIT_HEADER + body,
    },
  }
}

/** The `edit` verb. */
export const editVerb: VerbSpec = { name: 'edit', flags: EDIT_FLAGS, run: runEdit, help: VERB_HELP.edit }
