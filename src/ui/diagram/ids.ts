/** Element ids of the diagram, shared by the model, the layout and the packet paths. */

/** Element ids (React Flow node / edge ids, and `data-id`s of the parts that flash). */
export const ids = {
  client: (name: string) => `client:${name}`,
  loadBalancer: 'lb',
  node: (name: string) => `node:${name}`,
  pod: (ns: string, name: string) => `pod:${ns}/${name}`,
  service: (ns: string, name: string) => `svc:${ns}/${name}`,
  ingress: (ns: string, name: string) => `ing:${ns}/${name}`,
  /** One line (rule path) of an Ingress box: flashes when the controller routes a request by it. */
  ingressRule: (ingress: string, index: number) => `${ingress}#rule${index}`,
  endpointLink: (service: string, target: string) => `ep:${service}->${target}`,
  ingressLink: (ingress: string, service: string) => `il:${ingress}->${service}`,
  /** Ingress → the ingress controller pod that serves it. */
  controllerLink: (ingress: string, pod: string) => `ic:${ingress}->${pod}`,
  unscheduled: 'group:unscheduled',
  legend: 'legend',
  outsideZone: 'zone:outside',
  clusterZone: 'zone:cluster',
} as const
