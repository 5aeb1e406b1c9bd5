/**
 * Every text the user reads, in one place, so the i18n issue can swap this object for
 * i18next (en + ko) without touching the components. Sentence case.
 */
export const strings = {
  appName: 'Kubernetes Service Playground',
  loading: 'Loading the scenario and running it until the cluster settles…',
  loadFailed: 'The scenario could not be loaded:',
  simTime: 'Simulated time',
  seed: 'Seed',
  proxyMode: 'kube-proxy mode',
  diagnostics: 'Problems in the scenario',
  nodes: 'Nodes',
  pods: 'Pods',
  services: 'Services',
  endpoints: 'Endpoints',
  otherObjects: 'Other objects',
  noObjects: 'None',
  requestHeading: 'Send a request',
  requestButton: 'Send request',
  requestSending: 'Sending…',
  requestNoTarget: 'This scenario has no external client and NodePort Service to send a request to.',
  requestFailed: 'The request could not be sent:',
  hopsHeading: 'Hops',
  extraHop: 'extra hop',
  replyHop: 'reply',
  becomes: 'becomes',
} as const
