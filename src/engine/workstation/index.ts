/** The workstation terminal (kubectl, minikube, the client's shell): the public surface of src/engine/workstation. */
export { runWorkstation } from './workstation.ts'
export type { WorkstationEnv } from './workstation.ts'
export { runMinikube, minikubeIP } from './minikube.ts'
export type { MinikubeEnv } from './minikube.ts'
export { ingressAddonObjects, INGRESS_CONTROLLER_IMAGE, INGRESS_CERTGEN_IMAGE, INGRESS_NAMESPACE } from './ingressAddon.ts'
export { renderBoxTable } from './table.ts'
