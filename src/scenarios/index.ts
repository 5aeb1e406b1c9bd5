/**
 * The sample scenarios, one per topic of the chapter, as data. The YAML files are the source;
 * this index names them and says which is the default.
 */

/** A sample scenario file in this folder. */
export interface SampleScenario {
  /** File name in src/scenarios/. */
  file: string
  /** Chapter topic it illustrates. */
  topic: string
}

export const SAMPLE_SCENARIOS: readonly SampleScenario[] = [
  { file: 'kubia-clusterip.yaml', topic: 'ClusterIP and label selectors' },
  { file: 'session-affinity.yaml', topic: 'Session affinity' },
  { file: 'multi-port.yaml', topic: 'Multiple ports and named ports' },
  { file: 'discovery.yaml', topic: 'Service discovery: environment variables and DNS' },
  { file: 'external-endpoints.yaml', topic: 'External services and hand-written Endpoints' },
  { file: 'externalname.yaml', topic: 'ExternalName' },
  { file: 'kubia-nodeport.yaml', topic: 'NodePort' },
  { file: 'loadbalancer.yaml', topic: 'LoadBalancer' },
  { file: 'loadbalancer-pending.yaml', topic: 'LoadBalancer without a cloud provider' },
  { file: 'external-traffic-local.yaml', topic: 'externalTrafficPolicy Local and client IP' },
  { file: 'readiness-probe.yaml', topic: 'Readiness probes' },
  { file: 'headless.yaml', topic: 'Headless services and publishNotReadyAddresses' },
  { file: 'ingress-paths.yaml', topic: 'Ingress: one host, two paths' },
  { file: 'ingress-hosts.yaml', topic: 'Ingress: name-based virtual hosts' },
  { file: 'ingress-affinity.yaml', topic: 'Ingress cookie affinity' },
  { file: 'troubleshooting.yaml', topic: 'Troubleshooting Services' },
]

/** The scenario the playground opens with. */
export const DEFAULT_SCENARIO = 'kubia-nodeport.yaml'
