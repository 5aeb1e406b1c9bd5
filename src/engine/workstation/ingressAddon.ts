/**
 * What `minikube addons enable ingress` applies (minikube's deploy/addons/ingress/ingress-deploy.yaml.tmpl,
 * its `IngressAPIVersion == "v1"` branch, with ingress-nginx v1.9.4): the `ingress-nginx` namespace,
 * the controller Deployment and its NodePort Service, the admission webhook Service, and the default
 * IngressClass `nginx`. As on minikube, the controller answers on the node itself (hostPort 80/443)
 * and reports the node's InternalIP as the Ingress address (`--report-node-internal-ip-address`, no
 * `--publish-service`). Not modelled: RBAC objects, ConfigMaps, the admission Jobs and webhook
 * configuration, the webhook-cert volume (its Secret comes from those Jobs), the `/wait-shutdown`
 * preStop hook, resources and securityContext, and the `minikube.k8s.io/primary` node selector
 * (the playground's nodes are kind's, which lack that label).
 */
import type { KObject } from '../model/k8s.ts'

/** The controller image minikube's ingress addon uses (printed as `▪ Using image …`). */
export const INGRESS_CONTROLLER_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.9.4'
/** The admission webhook certgen image (used twice: the create and patch Jobs). */
export const INGRESS_CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v20231011-8b53cabe0'
/** The namespace the addon installs into. */
export const INGRESS_NAMESPACE = 'ingress-nginx'

/** The controller's probes: GET /healthz on its health port 10254, failing after `failureThreshold` misses. */
const HEALTHZ_PROBE = (failureThreshold: number) => ({
  failureThreshold,
  httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
  initialDelaySeconds: 10,
  periodSeconds: 10,
  successThreshold: 1,
  timeoutSeconds: 1,
})

const LABELS = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
}

/** The addon's objects, in the order `kubectl apply` creates them. */
export function ingressAddonObjects(): KObject[] {
  const ns = INGRESS_NAMESPACE
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller', namespace: ns, labels: { ...LABELS } },
      spec: {
        // minikube ships the controller Service as NodePort (upstream's cloud manifest uses LoadBalancer).
        type: 'NodePort',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
          { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
        ],
        selector: { ...LABELS },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'ingress-nginx-controller-admission', namespace: ns, labels: { ...LABELS } },
      spec: {
        type: 'ClusterIP',
        ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }],
        selector: { ...LABELS },
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'ingress-nginx-controller', namespace: ns, labels: { ...LABELS } },
      spec: {
        replicas: 1,
        revisionHistoryLimit: 10,
        minReadySeconds: 0,
        selector: { matchLabels: { ...LABELS } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels: { ...LABELS, 'gcp-auth-skip-secret': 'true' } },
          spec: {
            containers: [
              {
                name: 'controller',
                image: INGRESS_CONTROLLER_IMAGE,
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '/nginx-ingress-controller',
                  '--election-id=ingress-nginx-leader',
                  '--controller-class=k8s.io/ingress-nginx',
                  '--watch-ingress-without-class=true',
                  '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                  '--report-node-internal-ip-address',
                  '--tcp-services-configmap=$(POD_NAMESPACE)/tcp-services',
                  '--udp-services-configmap=$(POD_NAMESPACE)/udp-services',
                  '--validating-webhook=:8443',
                  '--validating-webhook-certificate=/usr/local/certificates/cert',
                  '--validating-webhook-key=/usr/local/certificates/key',
                ],
                env: [
                  { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
                ],
                livenessProbe: HEALTHZ_PROBE(5),
                readinessProbe: HEALTHZ_PROBE(3),
                // minikube binds nginx to the node's ports 80/443 (CNI portmap), so http://<node IP>/ works.
                ports: [
                  { name: 'http', containerPort: 80, hostPort: 80, protocol: 'TCP' },
                  { name: 'https', containerPort: 443, hostPort: 443, protocol: 'TCP' },
                  { name: 'webhook', containerPort: 8443, protocol: 'TCP' },
                ],
              },
            ],
            dnsPolicy: 'ClusterFirst',
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: 'ingress-nginx',
            terminationGracePeriodSeconds: 0,
            tolerations: [{ key: 'node-role.kubernetes.io/master', operator: 'Equal', effect: 'NoSchedule' }],
          },
        },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: 'nginx',
        labels: { ...LABELS },
        // minikube marks its class the default, so Ingresses without ingressClassName get it.
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
  ] as KObject[]
}
