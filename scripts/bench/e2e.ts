/** Section 4, this engine's side: warm simulated HTTP on a 3-node cluster with a Deployment of 3 and a NodePort. */
import { loadSimulation } from '../../src/engine/index.ts'
import { clusterIP, nodeIP, pods } from './objects.ts'
import { kindCluster } from './scenarios.ts'
import { rate } from './util.ts'

/** Both engines' figures for section 4 (requests per second, and which pods answered). */
export interface E2eRates {
  clusterIP: number
  nodePort: number
  /** This engine only: the same requests with `trace: false` (same decisions, no hop records). */
  clusterIPNoTrace?: number
  nodePortNoTrace?: number
  /** Distinct pods that answered the ClusterIP / NodePort requests. */
  answering: [number, number]
  settleMs: number
}

/** The section-4 cluster: the same objects the peer engine gets in peer.ts. */
export const E2E_SCENARIO = [
  'apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata:\n  name: bench-e2e\nspec:\n  seed: 7',
  kindCluster(3),
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: kubia
spec:
  replicas: 3
  selector:
    matchLabels:
      app: kubia
  template:
    metadata:
      labels:
        app: kubia
    spec:
      containers:
        - name: kubia
          image: luksa/kubia
          ports:
            - containerPort: 8080`,
  `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  type: NodePort
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30123
  selector:
    app: kubia`,
  `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
    - name: main
      image: busybox
      command: ["sleep", "100000"]`,
].join('\n---\n')

/** Requests from pod `client` to the ClusterIP, and from the first node to the second node's NodePort. */
export async function oursE2e(): Promise<E2eRates> {
  const t0 = performance.now()
  const sim = loadSimulation(E2E_SCENARIO, 'bench-e2e.yaml')
  sim.runUntilSettled()
  const settleMs = performance.now() - t0
  if (!pods(sim).some((p) => p.metadata.name === 'client' && p.status?.phase === 'Running')) throw new Error('pod client is not Running')
  const [first, second] = sim.config.nodes
  const cip = `http://${clusterIP(sim, 'kubia')}/`
  const np = `http://${nodeIP(sim, second!.name)}:30123/`
  const answered = (from: string, url: string) => {
    const rs = sim.request(from, url, { times: 30 })
    const bad = rs.find((r) => r.status !== 200)
    if (bad) throw new Error(`${from} → ${url}: ${bad.status} ${bad.error ?? bad.body}`)
    return new Set(rs.map((r) => r.pod)).size
  }
  const answering: [number, number] = [answered('client', cip), answered(first!.name, np)]
  const drain = () => void sim.step(0)
  const noTrace = { trace: false }
  return {
    clusterIP: await rate(() => sim.request('client', cip), { between: drain }),
    nodePort: await rate(() => sim.request(first!.name, np), { between: drain }),
    clusterIPNoTrace: await rate(() => sim.request('client', cip, noTrace), { between: drain }),
    nodePortNoTrace: await rate(() => sim.request(first!.name, np, noTrace), { between: drain }),
    answering,
    settleMs,
  }
}
