import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { IngressClassObj, IngressObj, PodObj } from '../../engine/model/k8s.ts'
import { buildDiagramModel } from './diagramModel.ts'
import { ingressLines } from './elementText.ts'
import { buildFlowEdges } from './flowElements.ts'
import { ingressFixture, INGRESSES } from './harness/ingressFixture.ts'
import type { IngressControllerInfo } from './ingressModel.ts'
import { ingressControllerOf, servesIngress, tlsHostCovers, toIngressModel } from './ingressModel.ts'

const scenario = readFileSync(new URL('../../scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8')

describe('tlsHostCovers (a spec.tls host covers a rule host)', () => {
  it.each<[string, string, boolean]>([
    ['foo.bar.com', 'foo.bar.com', true],
    ['FOO.bar.com', 'foo.BAR.com', true],
    ['*.bar.com', 'foo.bar.com', true],
    ['*.bar.com', 'bar.com', false],
    ['*.bar.com', 'a.foo.bar.com', false],
    ['foo.bar.com', 'baz.bar.com', false],
  ])('%s covers %s: %s', (tls, host, want) => {
    expect(tlsHostCovers(tls, host)).toBe(want)
  })
})

describe('servesIngress (IngressClass docs: class by name, default class for Ingresses without one)', () => {
  const cls = (name: string, controller: string, isDefault = false): IngressClassObj => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass',
    metadata: { name, ...(isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {}) },
    spec: { controller },
  })
  const ing = (spec: Partial<IngressObj['spec']> = {}, annotations?: Record<string, string>): IngressObj => ({
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { ...spec },
  })
  const nginx: IngressControllerInfo = { controllerClass: 'k8s.io/ingress-nginx', watchWithoutClass: false }
  const nginxDefault = [cls('nginx', 'k8s.io/ingress-nginx', true)]
  const nginxOnly = [cls('nginx', 'k8s.io/ingress-nginx')]
  it.each<[string, IngressObj, IngressClassObj[], IngressControllerInfo, boolean]>([
    ['its class by ingressClassName', ing({ ingressClassName: 'nginx' }), nginxOnly, nginx, true],
    ['its class by the legacy annotation', ing({}, { 'kubernetes.io/ingress.class': 'nginx' }), nginxOnly, nginx, true],
    ["another controller's class", ing({ ingressClassName: 'traefik' }), [...nginxOnly, cls('traefik', 'traefik.io/ingress-controller')], nginx, false],
    ['no class, nginx is the default class', ing(), nginxDefault, nginx, true],
    ['no class, no default class', ing(), nginxOnly, nginx, false],
    ['no class, --watch-ingress-without-class=true', ing(), nginxOnly, { ...nginx, watchWithoutClass: true }, true],
    ['a class that does not exist', ing({ ingressClassName: 'nginx' }), [], nginx, false],
  ])('%s → %s', (_n, i, classes, ctl, want) => {
    expect(servesIngress(ctl, i, classes)).toBe(want)
  })
})

describe('ingress controller pods and Ingress boxes after `minikube addons enable ingress`', () => {
  const f = ingressFixture(scenario)
  const m = buildDiagramModel(f.sim.config, f.sim.objects())
  const ctlPods = m.nodes.flatMap((n) => n.pods).filter((p) => p.ingressController)

  it('the controller pod (ingress-nginx namespace, minikube: --watch-ingress-without-class=true) is marked', () => {
    expect(ctlPods.map((p) => p.namespace)).toEqual(['ingress-nginx'])
    const pod = f.sim.objects().find((o) => o.kind === 'Pod' && o.metadata.namespace === 'ingress-nginx') as PodObj
    expect(ingressControllerOf(pod)).toEqual({ controllerClass: 'k8s.io/ingress-nginx', watchWithoutClass: true })
    expect(m.nodes.flatMap((n) => n.pods).filter((p) => p.name.startsWith('kubia-')).every((p) => !p.ingressController)).toBe(true)
  })

  it('each Ingress is served by the controller pod: controllers and a controller link', () => {
    expect(m.ingresses.map((i) => [i.name, i.controllers])).toEqual([['kubia', [ctlPods[0]!.id]], ['secure', [ctlPods[0]!.id]]])
    expect(m.controllerLinks.map((l) => l.id)).toEqual([`ic:ing:default/kubia->${ctlPods[0]!.id}`, `ic:ing:default/secure->${ctlPods[0]!.id}`])
    const edges = buildFlowEdges(m).filter((e) => e.data?.kind === 'controller')
    expect(edges.map((e) => [e.source, e.target])).toEqual(m.controllerLinks.map((l) => [l.ingress, l.pod]))
  })

  it('Ingress → Service links only to backends that exist', () => {
    expect(m.ingressLinks.filter((l) => l.ingress === 'ing:default/kubia').map((l) => l.service)).toEqual([
      'svc:default/kubia-nodeport', 'svc:default/bar', 'svc:default/empty', 'svc:default/wrongport',
    ])
  })

  it('the TLS host carries its Secret; lines read host, then path → service:port, ADDRESS, controller', () => {
    const secure = m.ingresses.find((i) => i.name === 'secure')!
    expect(secure.tls).toEqual([{ hosts: ['secure.example.com'], secret: 'tls-secret' }])
    expect(secure.rules.map((r) => r.tlsSecret)).toEqual(['tls-secret'])
    const lines = ingressLines(secure)
    expect(lines.map((l) => [l.kind, l.text])).toEqual([
      ['host', 'secure.example.com'],
      ['path', '/ Prefix → kubia-nodeport:80'],
      ['address', secure.address.length > 0 ? `ADDRESS ${secure.address.join(',')}` : 'ADDRESS (none yet)'],
      ['controller', `controller ${ctlPods[0]!.name}`],
    ])
    expect(lines[0]!.tlsSecret).toBe('tls-secret')
    expect(lines[1]!.id).toBe(secure.rules[0]!.id)
  })

  it('an Ingress of a class no controller serves says so', () => {
    const other = INGRESSES.secure.replace('name: secure', 'name: other').replace('ingressClassName: nginx', 'ingressClassName: traefik')
    const g = ingressFixture(scenario, other)
    const mm = buildDiagramModel(g.sim.config, g.sim.objects())
    const ing = mm.ingresses.find((i) => i.name === 'other')!
    expect(ing.controllers).toEqual([])
    expect(ingressLines(ing).at(-1)).toMatchObject({ kind: 'controller', text: 'no controller serves class traefik', warn: true })
  })
})

describe('toIngressModel', () => {
  it('defaultBackend last, a tls entry without hosts covers the host-less rules, wildcard tls hosts cover one label', () => {
    const ing: IngressObj = {
      apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x', namespace: 'shop' },
      spec: {
        defaultBackend: { service: { name: 'fallback', port: { name: 'http' } } },
        tls: [{ secretName: 'any' }, { hosts: ['*.example.com'], secretName: 'wild' }],
        rules: [
          { http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
          { host: 'a.example.com', http: { paths: [{ path: '/api', pathType: 'Exact', backend: { service: { name: 'api', port: { number: 8080 } } } }] } },
          { host: 'plain.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        ],
      },
    }
    const { model, backends } = toIngressModel(ing, [])
    expect(model.rules.map((r) => [r.host, r.path, r.service, r.port, r.tlsSecret, r.isDefault])).toEqual([
      ['', '/', 'web', '80', 'any', undefined],
      ['a.example.com', '/api', 'api', '8080', 'wild', undefined],
      ['plain.test', '/', 'web', '80', undefined, undefined],
      ['', '', 'fallback', 'http', undefined, true],
    ])
    expect(backends).toEqual(['svc:shop/web', 'svc:shop/api', 'svc:shop/fallback'])
    expect(ingressLines(model).map((l) => l.text).slice(0, 6)).toEqual([
      '*', '/ Prefix → web:80', 'a.example.com', '/api Exact → api:8080', 'plain.test', '/ Prefix → web:80',
    ])
    expect(ingressLines(model)[6]).toMatchObject({ kind: 'default', text: 'default → fallback:http' })
  })
})
