/** The keystroke benchmark's scenario: the NodePort sample plus extra apps, about 30 objects in all. */
import { readFileSync } from 'node:fs'

/** The Service whose nodePort digit the benchmark edits, and the text it starts with. */
export const EDITED = { id: 'svc:default/kubia-nodeport', needle: 'nodePort: 3012', first: 3 } as const

function app(i: number): string {
  const name = `app-${i}`
  return `apiVersion: v1
kind: ReplicationController
metadata:
  name: ${name}
spec:
  replicas: ${1 + (i % 2)}
  selector:
    app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: t${i % 3}
    spec:
      containers:
        - name: web
          image: nginx
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}-np
spec:
  type: NodePort
  ports:
    - port: 80
      targetPort: 80
      nodePort: ${30200 + i}
  selector:
    app: ${name}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
    - port: 80
      targetPort: 80
  selector:
    app: ${name}`
}

/**
 * kubia-nodeport.yaml (Scenario, RC kubia ×3, Service kubia-nodeport on 30123) plus `apps` × (RC,
 * NodePort Service, ClusterIP Service): with the default 9 apps, 30 documents (29 objects + the
 * Scenario). No other Service uses 3012x, so the edited digit never collides.
 */
export function benchScenario(apps = 9): { text: string; documents: number; services: number } {
  const sample = readFileSync(new URL('../../src/scenarios/kubia-nodeport.yaml', import.meta.url), 'utf8').trimEnd()
  const extra = Array.from({ length: apps }, (_, i) => app(i + 1))
  const text = `${[sample, ...extra].join('\n---\n')}\n`
  return { text, documents: 3 + 3 * apps, services: 1 + 2 * apps }
}
