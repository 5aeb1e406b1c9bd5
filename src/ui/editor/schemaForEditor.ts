/**
 * The generated Kubernetes schema, adjusted for the editor's hovers. Pure: no Monaco import.
 *
 * monaco-yaml heads each hover with the nearest `title`. The generated schema has one title, on
 * the root ("… scenario document"), so every field's hover would be headed by it; instead each
 * kind's definition is titled `Service (v1)`, and the root title goes.
 */

/** The parts of the generated schema this module reads (see scripts/gen-k8s-schema.mjs). */
export interface GeneratedSchema {
  title?: string
  /** kind → apiVersion, for every kind the schema knows. */
  'x-kinds'?: Record<string, string>
  definitions?: Record<string, Record<string, unknown>>
  [key: string]: unknown
}

/** A copy of `schema` with the root title removed and each kind's definition titled `Kind (apiVersion)`. */
export function schemaForEditor<T extends GeneratedSchema>(schema: T): T {
  const { title: _rootTitle, ...rest } = schema
  const definitions = { ...schema.definitions }
  for (const [kind, apiVersion] of Object.entries(schema['x-kinds'] ?? {})) {
    const def = definitions[kind]
    if (def) definitions[kind] = { ...def, title: `${kind} (${apiVersion})` }
  }
  return { ...rest, definitions } as T
}
