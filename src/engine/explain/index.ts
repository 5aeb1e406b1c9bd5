/** "Why no response?": the troubleshooting checklist for one request, and where its findings are in the manifests. */
export { explainRequest } from './explain.ts'
export { locateField, locateFindings } from './locate.ts'
export type { FieldLocation, LocatedFinding } from './locate.ts'
export type { Check, ExplainInput, ExplainRequest, ExplainResult, FieldRef, Finding, FindingParams, FindingStatus } from './types.ts'
