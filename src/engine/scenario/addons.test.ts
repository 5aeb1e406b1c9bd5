/**
 * The Scenario document's `spec.addons` (architecture.md "Scenario files"): `ingress` applies
 * minikube's ingress addon when the cluster starts, before the scenario's own objects; anything
 * else is reported at its line and column, worded as the API words an unsupported value.
 */
import { describe, expect, it } from 'vitest'
import type { KObject, PodObj } from '../model/k8s.ts'
import { loadSimulation } from '../index.ts'
import { parseScenario } from './parse.ts'

const scenario = (addons: string) => ['apiVersion: playground/v1alpha1', 'kind: Scenario', 'metadata:', '  name: s', 'spec:', `  addons: ${addons}`, ''].join('\n')

describe('spec.addons', () => {
  it('ingress is accepted', () => {
    const p = parseScenario(scenario('[ingress]'), 's.yaml')
    expect(p.diagnostics).toEqual([])
    expect(p.config.addons).toEqual(['ingress'])
  })

  it('no addons: the field stays absent', () => {
    expect(parseScenario(scenario('[]'), 's.yaml').config.addons).toBeUndefined()
    expect(parseScenario('apiVersion: playground/v1alpha1\nkind: Scenario\nmetadata:\n  name: s\n', 's.yaml').config.addons).toBeUndefined()
  })

  it.each([
    ['[ingres]', [{ line: 6, col: 12, message: 'spec.addons[0]: Unsupported value: "ingres": supported values: "ingress"' }], undefined],
    [
      '[ingress, dashboard, ingress]',
      [
        { line: 6, col: 21, message: 'spec.addons[1]: Unsupported value: "dashboard": supported values: "ingress"' },
        { line: 6, col: 32, message: 'spec.addons[2]: Duplicate value: "ingress"' },
      ],
      ['ingress'],
    ],
  ])('%s is reported where it stands', (addons, want, kept) => {
    const p = parseScenario(scenario(addons), 's.yaml')
    expect(p.diagnostics.map(({ line, col, message, severity }) => ({ line, col, message, severity }))).toEqual(want.map((w) => ({ ...w, severity: 'error' })))
    expect(p.config.addons).toEqual(kept)
  })

  it('a block list gets the same positions', () => {
    const text = ['apiVersion: playground/v1alpha1', 'kind: Scenario', 'metadata:', '  name: s', 'spec:', '  addons:', '    - ingress', '    - metallb', ''].join('\n')
    const p = parseScenario(text, 's.yaml')
    expect(p.diagnostics.map(({ line, col, message }) => ({ line, col, message }))).toEqual([
      { line: 8, col: 7, message: 'spec.addons[1]: Unsupported value: "metallb": supported values: "ingress"' },
    ])
  })

  it('a non-list is a decoding error, not an addon', () => {
    const p = parseScenario(scenario('ingress'), 's.yaml')
    expect(p.diagnostics).toHaveLength(1)
    expect(p.diagnostics[0]!.line).toBe(6)
    expect(p.config.addons).toBeUndefined()
  })

  it('the addon objects exist before the scenario’s own, and the controller runs', () => {
    const text = `${scenario('[ingress]')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n`
    const sim = loadSimulation(text, 's.yaml')
    expect(sim.diagnostics).toEqual([])
    // resourceVersions count writes: objects nothing rewrites since show the creation order.
    const rv = (kind: 'Namespace' | 'IngressClass', name: string) => Number(sim.api.get<KObject>(kind, undefined, name)!.metadata.resourceVersion)
    expect(rv('Namespace', 'ingress-nginx')).toBeLessThan(rv('Namespace', 'shop'))
    expect(rv('IngressClass', 'nginx')).toBeLessThan(rv('Namespace', 'shop'))
    sim.runUntilSettled()
    const pods = sim.api.list<PodObj>('Pod', 'ingress-nginx')
    expect(pods.map((p) => p.status?.phase)).toEqual(['Running'])
    expect(sim.kubectl(['get', 'ingressclass']).stdout).toMatch(/^NAME +CONTROLLER +PARAMETERS +AGE\nnginx +k8s\.io\/ingress-nginx +<none> +\d+s\n$/)
  })
})
