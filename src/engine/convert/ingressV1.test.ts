/**
 * The v1beta1 → networking.k8s.io/v1 Ingress conversion, from kubernetes-facts.md §7b (API history)
 * and the API server's conversion (pkg/apis/networking/v1beta1/conversion.go, defaults.go): each
 * case gives a text, the document's lines, and the text expected after applying the edits.
 */
import { describe, expect, it } from 'vitest'
import { applyTextEdits } from './textEdits.ts'
import { convertIngressToV1, ingressV1Fix } from './ingressV1.ts'

const lines = (...l: string[]) => l.join('\n') + '\n'

/** Kubernetes in Action, listing 5.13 (kubia-ingress.yaml). */
const BOOK = lines(
  'apiVersion: extensions/v1beta1',
  'kind: Ingress',
  'metadata:',
  '  name: kubia',
  'spec:',
  '  rules:',
  '  - host: kubia.example.com',
  '    http:',
  '      paths:',
  '      - path: /',
  '        backend:',
  '          serviceName: kubia-nodeport',
  '          servicePort: 80',
)
const BOOK_V1 = lines(
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata:',
  '  name: kubia',
  'spec:',
  '  rules:',
  '  - host: kubia.example.com',
  '    http:',
  '      paths:',
  '      - path: /',
  '        pathType: ImplementationSpecific',
  '        backend:',
  '          service:',
  '            name: kubia-nodeport',
  '            port:',
  '              number: 80',
)

const SERVICE = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: kubia-nodeport', 'spec:', '  ports:', '  - port: 80')

const cases: { name: string; text: string; range: [number, number]; want: string }[] = [
  { name: 'the book’s Ingress (listing 5.13)', text: BOOK, range: [1, 13], want: BOOK_V1 },
  {
    name: 'networking.k8s.io/v1beta1 too; a string servicePort becomes port.name',
    text: lines(
      'apiVersion: networking.k8s.io/v1beta1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /api',
      '        pathType: Prefix',
      '        backend:',
      '          serviceName: api',
      '          servicePort: http',
    ),
    range: [1, 12],
    want: lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /api',
      '        pathType: Prefix',
      '        backend:',
      '          service:',
      '            name: api',
      '            port:',
      '              name: http',
    ),
  },
  {
    name: 'a quoted number is an IntOrString string: port.name "80", as the API server converts it',
    text: lines('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: q}', 'spec:', '  backend:', '    serviceName: s', '    servicePort: "80"'),
    range: [1, 7],
    want: lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata: {name: q}', 'spec:', '  defaultBackend:', '    service:', '      name: s', '      port:', '        name: "80"'),
  },
  {
    name: 'spec.backend becomes spec.defaultBackend; servicePort first; quoted apiVersion keeps its quotes',
    text: lines(
      'apiVersion: "extensions/v1beta1"',
      'kind: Ingress',
      'metadata:',
      '  name: d',
      'spec:',
      '  backend:',
      '    servicePort: 8080',
      '    serviceName: default-http',
    ),
    range: [1, 8],
    want: lines(
      'apiVersion: "networking.k8s.io/v1"',
      'kind: Ingress',
      'metadata:',
      '  name: d',
      'spec:',
      '  defaultBackend:',
      '    service:',
      '      port:',
      '        number: 8080',
      '      name: default-http',
    ),
  },
  {
    name: 'comments stay where they were',
    text: lines(
      '# the book, chapter 5',
      'apiVersion: extensions/v1beta1  # removed in 1.22',
      'kind: Ingress',
      'metadata:',
      '  name: kubia',
      'spec:',
      '  rules:',
      '  - host: kubia.example.com',
      '    http:',
      '      paths:',
      '      # everything',
      '      - path: /   # root',
      '        backend:',
      '          serviceName: kubia-nodeport  # the NodePort service',
      '          # its port',
      '          servicePort: 80  # not the targetPort',
    ),
    range: [2, 16],
    want: lines(
      '# the book, chapter 5',
      'apiVersion: networking.k8s.io/v1  # removed in 1.22',
      'kind: Ingress',
      'metadata:',
      '  name: kubia',
      'spec:',
      '  rules:',
      '  - host: kubia.example.com',
      '    http:',
      '      paths:',
      '      # everything',
      '      - path: /   # root',
      '        pathType: ImplementationSpecific',
      '        backend:',
      '          service:',
      '            name: kubia-nodeport  # the NodePort service',
      '          # its port',
      '            port:',
      '              number: 80  # not the targetPort',
    ),
  },
  {
    name: 'flow style is rewritten node by node',
    text: lines(
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata: {name: f}',
      'spec:',
      '  backend: {serviceName: dflt, servicePort: 80}',
      '  rules:',
      '  - host: foo.example.com',
      '    http:',
      '      paths: [{path: /foo, backend: {serviceName: foo, servicePort: web}}, {backend: {servicePort: 81, serviceName: bar}}]',
    ),
    range: [1, 9],
    want: lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: f}',
      'spec:',
      '  defaultBackend: {service: {name: dflt, port: {number: 80}}}',
      '  rules:',
      '  - host: foo.example.com',
      '    http:',
      '      paths: [{path: /foo, pathType: ImplementationSpecific, backend: {service: {name: foo, port: {name: web}}}}, {pathType: ImplementationSpecific, backend: {service: {name: bar, port: {number: 81}}}}]',
    ),
  },
  {
    name: 'a block backend that cannot be edited in place is written again in flow style',
    text: lines(
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata: {name: odd}',
      'spec:',
      '  backend:',
      '    serviceName:',
      '      kubia',
      '    servicePort: 80',
    ),
    range: [1, 8],
    want: lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: odd}',
      'spec:',
      '  defaultBackend:',
      '    {service: {name: kubia, port: {number: 80}}}',
    ),
  },
  {
    name: 'an existing pathType is kept; a path item without path gets pathType first',
    text: lines(
      'apiVersion: extensions/v1beta1',
      'kind: Ingress',
      'metadata: {name: p}',
      'spec:',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /exact',
      '        pathType: Exact',
      '        backend: {serviceName: a, servicePort: 80}',
      '      - backend:',
      '          serviceName: b',
      '          servicePort: 80',
    ),
    range: [1, 13],
    want: lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: p}',
      'spec:',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /exact',
      '        pathType: Exact',
      '        backend: {service: {name: a, port: {number: 80}}}',
      '      - pathType: ImplementationSpecific',
      '        backend:',
      '          service:',
      '            name: b',
      '            port:',
      '              number: 80',
    ),
  },
  {
    name: 'several documents: only the target changes',
    text: SERVICE + '---\n' + BOOK + '---\n' + BOOK.replace('name: kubia\n', 'name: other\n'),
    range: [9, 21],
    want: SERVICE + '---\n' + BOOK_V1 + '---\n' + BOOK.replace('name: kubia\n', 'name: other\n'),
  },
  {
    name: 'CRLF line breaks stay CRLF',
    text: BOOK.replace(/\n/g, '\r\n'),
    range: [1, 13],
    want: BOOK_V1.replace(/\n/g, '\r\n'),
  },
]

describe('convertIngressToV1', () => {
  it.each(cases)('$name', ({ text, range, want }) => {
    const conv = convertIngressToV1(text, { startLine: range[0], endLine: range[1] })
    expect(conv).toBeDefined()
    expect(applyTextEdits(text, conv!.edits)).toBe(want)
  })

  it('edits only the lines of the target document', () => {
    const text = SERVICE + '---\n' + BOOK + '---\n' + BOOK
    const conv = convertIngressToV1(text, { startLine: 9, endLine: 21 })!
    for (const e of conv.edits) {
      expect(e.startLine).toBeGreaterThanOrEqual(9)
      expect(e.endLine).toBeLessThanOrEqual(21)
    }
  })

  it.each([
    ['an Ingress already in networking.k8s.io/v1', BOOK_V1, [1, 16]],
    ['a Service', SERVICE, [1, 7]],
    ['a Deployment in extensions/v1beta1', lines('apiVersion: extensions/v1beta1', 'kind: Deployment', 'metadata: {name: d}'), [1, 3]],
    ['a backend that is an alias', lines('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: a}', 'x: &b {serviceName: s, servicePort: 80}', 'spec:', '  backend: *b'), [1, 6]],
    ['lines that are not one document', SERVICE + '---\n' + BOOK, [1, 21]],
  ] as const)('offers nothing for %s', (_name, text, range) => {
    expect(convertIngressToV1(text, { startLine: range[0], endLine: range[1] })).toBeUndefined()
  })

  it('reports the kubernetes.io/ingress.class annotation, which it keeps', () => {
    const text = BOOK.replace('  name: kubia\n', '  name: kubia\n  annotations:\n    kubernetes.io/ingress.class: nginx\n')
    const conv = convertIngressToV1(text, { startLine: 1, endLine: 15 })!
    expect(conv.ingressClassAnnotation).toBe('nginx')
    expect(applyTextEdits(text, conv.edits)).toContain('  annotations:\n    kubernetes.io/ingress.class: nginx\nspec:\n')
    expect(convertIngressToV1(BOOK, { startLine: 1, endLine: 13 })!.ingressClassAnnotation).toBeUndefined()
  })
})

describe('ingressV1Fix', () => {
  it('carries the title, the edits and the document’s lines as they were', () => {
    const text = SERVICE + '---\n' + BOOK
    const fix = ingressV1Fix(text, { startLine: 9, endLine: 21 })!
    expect(fix.kind).toBe('ingress-v1')
    expect(fix.title).toBe('Convert to networking.k8s.io/v1')
    expect(fix.source).toEqual({ startLine: 9, endLine: 21, text: BOOK.slice(0, -1) })
    expect(applyTextEdits(text, fix.edits)).toBe(SERVICE + '---\n' + BOOK_V1)
  })
})
