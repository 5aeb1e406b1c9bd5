/**
 * The Ingress sample scenarios (src/scenarios/ingress-*.yaml): they load cleanly with minikube's
 * ingress addon (spec.addons), their clients' /etc/hosts point at the node running the controller
 * (which answers on port 80 through its hostPort), and they show the book's routing and the
 * controller's balancing: requests, not connections, are balanced (round robin), so even a
 * browser's kept-alive connection changes pods — unless cookie affinity is on and the client keeps
 * the cookie (a browser does, curl does not).
 */
import { describe, expect, it } from 'vitest'
import type { IngressObj, PodObj } from '../model/k8s.ts'
import type { Simulation } from '../index.ts'
import { SAMPLE_SCENARIOS } from '../../scenarios/index.ts'
import { settled } from '../tests/helpers.ts'
import { CookieJar } from './ingressAffinity.ts'
import { ingressVerdict } from './ingressProxy.ts'

const SAMPLES = ['ingress-paths.yaml', 'ingress-hosts.yaml', 'ingress-affinity.yaml'] as const

const controllerNodeIP = (sim: Simulation): string => {
  const pod = sim.api.list<PodObj>('Pod', 'ingress-nginx').find((p) => p.metadata.name.startsWith('ingress-nginx-controller-'))!
  return sim.config.nodes.find((n) => n.name === pod.spec.nodeName)!.internalIP
}
const bodies = (sim: Simulation, from: string, url: string, times: number) => sim.request(from, url, { times }).map((r) => r.body)
const podOf = (body: string) => /^You've hit (\S+)\n$/.exec(body)?.[1]

describe.each(SAMPLES)('%s', (file) => {
  const sim = settled(file)

  it('loads without diagnostics, is in the index, has en/ko titles and the ingress addon', () => {
    expect(sim.diagnostics).toEqual([])
    expect(SAMPLE_SCENARIOS.some((s) => s.file === file)).toBe(true)
    expect(sim.config.title.en).not.toBe(sim.config.title.ko)
    expect(sim.config.addons).toEqual(['ingress'])
  })

  it('every client resolves the Ingress hosts to the node running the controller, the Ingress ADDRESS', () => {
    const ip = controllerNodeIP(sim)
    const ing = sim.api.list<IngressObj>('Ingress', 'default')[0]!
    expect(ing.status?.loadBalancer?.ingress).toEqual([{ ip }])
    const hosts = (ing.spec?.rules ?? []).map((r) => r.host!)
    for (const c of sim.config.clients) {
      for (const h of hosts) expect(c.hostAliases.find((a) => a.hostnames.includes(h))?.ip).toBe(ip)
    }
  })
})

describe('ingress-paths.yaml: the book’s kubia.example.com with /kubia and /bar', () => {
  const sim = settled('ingress-paths.yaml')

  it.each([
    ['/kubia', /^kubia-/],
    ['/kubia/x', /^kubia-/],
    ['/bar', /^bar-/],
  ])('curl http://kubia.example.com%s', (path, pod) => {
    for (const body of bodies(sim, 'laptop', `http://kubia.example.com${path}`, 3)) expect(podOf(body)).toMatch(pod)
  })

  it('any other path gets the controller’s 404', () => {
    const [r] = sim.request('laptop', 'http://kubia.example.com/foo')
    expect(r!.status).toBe(404)
    expect(r!.body).toContain('<center><h1>404 Not Found</h1></center>')
  })

  it('the browser keeps one connection, yet nginx sends each request to the next kubia pod (round robin)', () => {
    const pods = bodies(sim, 'browser', 'http://kubia.example.com/kubia', 6).map(podOf)
    expect(new Set(pods).size).toBe(3)
    expect(pods.slice(3)).toEqual(pods.slice(0, 3))
  })
})

describe('ingress-hosts.yaml: two hosts, one address', () => {
  const sim = settled('ingress-hosts.yaml')

  it.each([
    ['foo.example.com', /^foo-/],
    ['bar.example.com', /^bar-/],
  ])('http://%s/ reaches its own Service', (host, pod) => {
    for (const who of ['laptop', 'browser']) for (const body of bodies(sim, who, `http://${host}/`, 2)) expect(podOf(body)).toMatch(pod)
  })
})

describe('ingress-affinity.yaml: cookie affinity', () => {
  it('a browser keeps the INGRESSCOOKIE and stays on one pod; curl sends none and moves', () => {
    const sim = settled('ingress-affinity.yaml')
    const browser = bodies(sim, 'browser', 'http://kubia.example.com/', 8).map(podOf)
    expect(new Set(browser).size).toBe(1)
    const curl = bodies(sim, 'laptop', 'http://kubia.example.com/', 8).map(podOf)
    expect(new Set(curl).size).toBeGreaterThan(1)
  })

  it('at the controller: a cookie-keeping client sticks, one that drops the cookie does not', () => {
    const sim = settled('ingress-affinity.yaml')
    const jar = new CookieJar(() => sim.now())
    const sticky: string[] = []
    const forgetful: string[] = []
    for (let i = 0; i < 8; i++) {
      const cookie = jar.cookieHeader('kubia.example.com', '/')
      const v = ingressVerdict(sim.store, sim.rng, 'kubia.example.com', '/', cookie ? { headers: { Cookie: cookie } } : {})
      if (v.kind !== 'proxy') throw new Error(v.why)
      if (i === 0) expect(v.setCookie).toMatch(/^INGRESSCOOKIE=[^;]+; Max-Age=172800; Path=\/; HttpOnly$/)
      else expect(v.setCookie).toBeUndefined()
      if (v.setCookie) jar.store('kubia.example.com', '/', v.setCookie)
      sticky.push(v.podIP)
      const w = ingressVerdict(sim.store, sim.rng, 'kubia.example.com', '/')
      if (w.kind !== 'proxy') throw new Error(w.why)
      expect(w.setCookie).toMatch(/^INGRESSCOOKIE=/)
      forgetful.push(w.podIP)
    }
    expect(new Set(sticky).size).toBe(1)
    expect(new Set(forgetful).size).toBeGreaterThan(1)
  })
})
