/**
 * The YAML schema Kubernetes effectively parses with: YAML 1.1 scalars (yes/no/on/off booleans,
 * 0777 octals, `<<` merge keys) as resolved by go-yaml v2 behind sigs.k8s.io/yaml.
 */
import { NOT_RESOLVED, Schema, YAML11_SCHEMA, defineScalarTag } from 'js-yaml'
import type { ScalarTagDefinition, TagDefinition } from 'js-yaml'

const TIMESTAMP = 'tag:yaml.org,2002:timestamp'
const INT = 'tag:yaml.org,2002:int'
const FLOAT = 'tag:yaml.org,2002:float'

/**
 * go-yaml v2 does not resolve YAML 1.1 sexagesimal numbers (`1:20` stays the string "1:20"),
 * so a plain scalar with a colon never becomes a number here.
 */
function withoutSexagesimal(tag: ScalarTagDefinition): ScalarTagDefinition {
  return defineScalarTag(tag.tagName, {
    implicit: tag.implicit,
    matchByTagPrefix: tag.matchByTagPrefix,
    implicitFirstChars: tag.implicitFirstChars,
    resolve: (source, isExplicit, tagName) =>
      !isExplicit && source.includes(':') ? NOT_RESOLVED : tag.resolve(source, isExplicit, tagName),
    identify: tag.identify,
    represent: tag.represent,
    representTagName: tag.representTagName,
  })
}

function adapt(tag: TagDefinition): TagDefinition | undefined {
  // sigs.k8s.io/yaml keeps timestamp-looking scalars as strings when decoding into interface{}
  // (go-yaml v2 decode.go: "for backward compatibility reasons we set it as a string").
  if (tag.tagName === TIMESTAMP) return undefined
  if (tag.nodeKind === 'scalar' && (tag.tagName === INT || tag.tagName === FLOAT)) return withoutSexagesimal(tag)
  return tag
}

/** YAML 1.1 schema as Kubernetes resolves it (no timestamps, no sexagesimals, merge keys on). */
export const K8S_YAML_SCHEMA: Schema = new Schema(
  YAML11_SCHEMA.tags.map(adapt).filter((t): t is TagDefinition => t !== undefined),
)
