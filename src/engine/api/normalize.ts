/**
 * Go decoding semantics for JSON null: a null struct field or map value leaves the zero value
 * (as if absent); a null element of a list of structs becomes an empty struct, of a list of
 * strings an empty string. The API server therefore never sees null, and neither does admission.
 */

/** Lists whose elements are objects in the Kubernetes API (so a null element decodes to {}). */
const OBJECT_LISTS = new Set([
  'ports', 'containers', 'initContainers', 'subsets', 'addresses', 'notReadyAddresses', 'endpoints', 'rules', 'paths',
  'tls', 'env', 'envFrom', 'volumes', 'volumeMounts', 'hostAliases', 'tolerations', 'matchExpressions', 'ingress',
  'conditions', 'ownerReferences', 'clients', 'nodes', 'taints', 'imagePullSecrets', 'containerStatuses',
])

/** Returns a copy of `v` with nulls replaced by what Go would decode them to. */
export function normalizeNulls(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) {
    const objects = OBJECT_LISTS.has(key) || v.some((x) => x !== null && typeof x === 'object' && !Array.isArray(x))
    return v.map((x) => (x === null ? (objects ? {} : '') : normalizeNulls(x, key)))
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = normalizeNulls(x, k)
    return out
  }
  return v
}
