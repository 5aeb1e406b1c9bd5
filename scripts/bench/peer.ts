/**
 * Section 4, the peer's side: the same cluster on @ngrok/webernetes, bundled by esbuild into .bench/peer.mjs
 * (its dist uses extensionless ESM imports). main.ts replaces globalThis.fetch before loading this, because
 * webernetes falls back to the real network for addresses its cluster cannot resolve.
 */
import { BaseImage, Cluster } from '@ngrok/webernetes'
import type { ProcessContext } from '@ngrok/webernetes'
import type { E2eRates } from './e2e.ts'
import { rate } from './util.ts'

/** luksa/kubia: answers every request on 8080 with "You've hit <pod name>". */
class Kubia extends BaseImage {
  static readonly imageName = 'luksa/kubia'
  static readonly imageVersion = 'latest'
  readonly defaultCommand = ['kubia']
  override async exec(ctx: ProcessContext, argv: readonly string[]): Promise<number> {
    if (argv[0] !== 'kubia') return super.exec(ctx, argv)
    const name = ctx.pod.config.pod?.metadata?.name ?? 'unknown'
    ctx.listenHttp(8080, async () => ({ status: 200, body: `You've hit ${name}\n` }))
    return ctx.waitUntilKilled()
  }
}

const objects = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'kubia' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'kubia' } },
      template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubia' },
    spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 30123, protocol: 'TCP' }], selector: { app: 'kubia' } },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'client' }, spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '100000'] }] } },
] as const

/** Boots a 3-node webernetes cluster with the section-4 objects and measures warm request rates. */
export async function peerE2e(): Promise<E2eRates> {
  const t0 = performance.now()
  const c = new Cluster({ nodes: 3 })
  try {
    c.registerImage(Kubia)
    await c.init()
    await c.apply(objects as never)
    // Its clock runs at wall speed; step it so settling does not wait out kubelet periods in real time.
    const ready = async () => {
      const slices = await c.api.discoveryv1.listNamespacedEndpointSlice({ namespace: 'default' })
      const eps = slices.items.flatMap((s) => (s.metadata?.labels?.['kubernetes.io/service-name'] === 'kubia' ? s.endpoints ?? [] : []))
      const client = await c.api.corev1.readNamespacedPod({ name: 'client', namespace: 'default' })
      return eps.filter((e) => e.conditions?.ready).length === 3 && client.status?.phase === 'Running'
    }
    for (let i = 0; !(await ready()); i++) {
      if (i > 600) throw new Error('webernetes cluster did not settle within 60 s of simulated time')
      c.clock.step(100)
      await new Promise((r) => setTimeout(r, 0))
    }
    const settleMs = performance.now() - t0
    const svc = await c.api.corev1.readNamespacedService({ name: 'kubia', namespace: 'default' })
    const client = await c.api.corev1.readNamespacedPod({ name: 'client', namespace: 'default' })
    const nodes = await c.api.corev1.listNode()
    const second = nodes.items.find((n) => n.metadata?.name === c.servers[1]!.name)
    const secondIP = second?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
    if (!svc.spec?.clusterIP || !secondIP) throw new Error('webernetes: no ClusterIP or node InternalIP')
    const cip = `http://${svc.spec.clusterIP}/`
    const np = `http://${secondIP}:30123/`
    const fromClient = () => c.network.fetch(c.ctx, client, cip)
    const fromNode = () => c.fetch(np)
    const answered = async (send: () => Promise<{ status: number; body: string }>, what: string) => {
      const seen = new Set<string>()
      for (let i = 0; i < 30; i++) {
        const r = await send()
        if (r.status !== 200) throw new Error(`webernetes ${what}: HTTP ${r.status} ${r.body}`)
        seen.add(r.body)
      }
      return seen.size
    }
    const answering: [number, number] = [await answered(fromClient, cip), await answered(fromNode, np)]
    return {
      clusterIP: await rate(fromClient),
      nodePort: await rate(fromNode),
      answering,
      settleMs,
    }
  } finally {
    await c.close()
  }
}
