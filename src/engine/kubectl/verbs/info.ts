/**
 * Informational commands: `kubectl version [--client]` (kubectl 1.30 against a 1.30 server),
 * and `kubectl api-resources` (the resources this simulated server serves, in discovery order).
 */
import { TABLE_TABWRITER, tabwrite } from '../format/tabwriter.ts'
import { RESOURCE_TYPES } from '../resources.ts'
import { fail, ok } from '../result.ts'
import type { KubectlResult, VerbSpec } from '../types.ts'
import { VERB_HELP } from './help.ts'

/** The kubectl release the playground emulates. */
export const CLIENT_VERSION = 'v1.30.0'
/** The kustomize library kubectl 1.30 embeds. */
export const KUSTOMIZE_VERSION = 'v5.0.4-0.20230601165947-6ce0bf390ce3'

/** `kubectl version`. */
export const versionVerb: VerbSpec = {
  name: 'version',
  help: VERB_HELP.version,
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'help', shorthand: 'h', type: 'bool' },
  ],
  run(inv): KubectlResult {
    const output = typeof inv.flags.output === 'string' ? inv.flags.output : ''
    if (output !== '' && output !== 'yaml' && output !== 'json') return fail('--output must be \'yaml\' or \'json\'')
    if (output !== '') return fail(`version -o ${output} is not available in this playground`)
    const client = inv.flags.client === true
    let out = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`
    if (!client) out += `Server Version: ${CLIENT_VERSION}\n`
    return ok(out)
  },
}

/** API groups in the order a 1.30 API server's discovery lists them (those served here). */
const GROUP_ORDER: readonly string[] = ['', 'apps', 'networking.k8s.io', 'discovery.k8s.io']

/** `kubectl api-resources`: NAME SHORTNAMES APIVERSION NAMESPACED KIND. */
export const apiResourcesVerb: VerbSpec = {
  name: 'api-resources',
  help: VERB_HELP['api-resources'],
  flags: [
    { name: 'namespaced', type: 'string' },
    { name: 'api-group', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'output', shorthand: 'o', type: 'string' },
    { name: 'help', shorthand: 'h', type: 'bool' },
  ],
  run(inv): KubectlResult {
    const output = typeof inv.flags.output === 'string' ? inv.flags.output : ''
    // Discovery order: groups as the API server lists them, resources alphabetically within a group.
    const groupRank = (g: string) => GROUP_ORDER.indexOf(g)
    let rows = [...RESOURCE_TYPES].sort((a, b) => groupRank(a.group) - groupRank(b.group) || (a.resource < b.resource ? -1 : 1))
    if (typeof inv.flags.namespaced === 'string') rows = rows.filter((r) => String(r.namespaced) === inv.flags.namespaced)
    if (typeof inv.flags['api-group'] === 'string') rows = rows.filter((r) => r.group === inv.flags['api-group'])
    if (output === 'name') return ok(rows.map((r) => (r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`)).join(''))
    const lines = inv.flags['no-headers'] === true ? [] : ['NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND']
    for (const r of rows) {
      lines.push([r.resource, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind].join('\t'))
    }
    return ok(tabwrite(`${lines.join('\n')}\n`, TABLE_TABWRITER))
  },
}
