/** Public entry of the engine: what the worker, the CLI and tests import. */
export { loadSimulation, Simulation } from './simulation.ts'
export type { HttpResult, KubectlResult, RequestOptions, RuleQuery, SimEvent, SimulationApi } from './facade.ts'
export type { ClusterConfig, ClientConfig, NodeSpecConfig, ProxyConfig } from './model/cluster.ts'
export type { Diagnostic, FieldError } from './model/errors.ts'
export type { KObject, Kind } from './model/k8s.ts'
export type { Headers, Hop, HopKind, Location, RuleTraceResult, Trace } from './model/net.ts'
export { Shells } from './shell/index.ts'
export type { ShellHost, ShellResult } from './shell/index.ts'
