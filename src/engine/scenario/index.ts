/** Scenario files: cluster configuration + API objects, with located diagnostics. */
export { parseScenario } from './parse.ts'
export type { ParsedScenario } from './parse.ts'
export {
  DEFAULT_CLIENT,
  DEFAULT_CLOUD,
  DEFAULT_CLUSTER_DOMAIN,
  DEFAULT_NODE_PORT_RANGE,
  DEFAULT_POD_SUBNET,
  DEFAULT_SEED,
  DEFAULT_SERVICE_SUBNET,
  defaultClusterConfig,
  kindNodeNames,
} from './defaults.ts'
export { parsePortRange } from './portRange.ts'
