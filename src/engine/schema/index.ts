/** Strict decoding against the generated Kubernetes + playground schema (k8s.schema.json). */
export {
  K8S_SCHEMA,
  decodeErrors,
  decodeMessage,
  decodeProblems,
  definitionForKind,
  fieldPathString,
  goType,
  kubectlDecodeError,
} from './decode.ts'
export type { DecodeError, JsonSchema, RootSchema } from './decode.ts'
