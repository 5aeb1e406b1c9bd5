/** The cluster's API objects grouped by kind, as tables with kubectl-like columns. */
import type { ReactNode } from 'react'
import type { ClusterConfig } from '../engine/model/cluster.ts'
import type { EndpointsObj, KObject, NodeObj, PodObj, ServiceObj } from '../engine/model/k8s.ts'
import {
  NONE, byNamespaceName, endpointsList, nodeAddress, nodeRoles, nodeStatus, podPhase, podReady,
  serviceClusterIP, serviceExternalIP, servicePorts,
} from './format.ts'
import { strings } from './strings.ts'
import { useStrings } from './i18n/useStrings.ts'

/** Kinds with a table of their own, plus Events (a log, not state); the rest go to "Other objects". */
const NOT_OTHER: ReadonlySet<string> = new Set(['Node', 'Pod', 'Service', 'Endpoints', 'Event'])

interface TableProps {
  id: string
  title: string
  columns: string[]
  rows: { key: string; cells: ReactNode[] }[]
}

function ObjectTable({ id, title, columns, rows }: TableProps) {
  const t = useStrings(strings)
  const headingId = `${id}-heading`
  return (
    <section className="object-section">
      <h2 id={headingId}>
        {title} <span className="count">({rows.length})</span>
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{t.noObjects}</p>
      ) : (
        // Focusable so keyboard users can scroll a table wider than the screen (axe: scrollable-region-focusable).
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table aria-labelledby={headingId} data-testid={`${id}-table`}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((cell, i) => (
                    <td key={columns[i]}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function ofKind<T extends KObject>(objects: readonly KObject[], kind: string): T[] {
  return objects.filter((o): o is T => o.kind === kind).sort(byNamespaceName)
}

function nodeRows(objects: readonly KObject[], config: ClusterConfig): TableProps['rows'] {
  const nodes = ofKind<NodeObj>(objects, 'Node')
  if (nodes.length > 0) {
    return nodes.map((n) => ({
      key: n.metadata.name,
      cells: [n.metadata.name, nodeStatus(n), nodeRoles(n), nodeAddress(n, 'InternalIP'), nodeAddress(n, 'ExternalIP'), n.spec?.podCIDR ?? NONE],
    }))
  }
  // No Node objects in the store: show the nodes the cluster config describes.
  return config.nodes.map((n) => ({
    key: n.name,
    cells: [n.name, n.ready ? 'Ready' : 'NotReady', n.role, n.internalIP, n.externalIP ?? NONE, n.podCIDR],
  }))
}

function Mono({ children }: { children: string }) {
  return <code>{children}</code>
}

/** A comma-joined list that may wrap after its commas (the text stays exactly as kubectl prints it). */
function WrappingList({ children }: { children: string }) {
  const parts = children.split(',')
  return (
    <code className="list">
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <>,<wbr /></>}
        </span>
      ))}
    </code>
  )
}

/** Tables of Nodes, Pods, Services, Endpoints and the remaining objects. */
export function ObjectTables({ objects, config }: { objects: readonly KObject[]; config: ClusterConfig }) {
  const t = useStrings(strings)
  const c = t.columns
  const pods = ofKind<PodObj>(objects, 'Pod')
  const services = ofKind<ServiceObj>(objects, 'Service')
  const endpoints = ofKind<EndpointsObj>(objects, 'Endpoints')
  const others = objects.filter((o) => !NOT_OTHER.has(o.kind)).sort((a, b) => a.kind.localeCompare(b.kind) || byNamespaceName(a, b))
  return (
    <div className="object-tables">
      <ObjectTable
        id="nodes"
        title={t.nodes}
        columns={[c.name, c.status, c.roles, c.internalIP, c.externalIP, c.podCIDR]}
        rows={nodeRows(objects, config)}
      />
      <ObjectTable
        id="pods"
        title={t.pods}
        columns={[c.namespace, c.name, c.ready, c.status, c.ip, c.node]}
        rows={pods.map((p) => ({
          key: `${p.metadata.namespace}/${p.metadata.name}`,
          cells: [p.metadata.namespace ?? '', p.metadata.name, podReady(p), podPhase(p), <Mono>{p.status?.podIP ?? NONE}</Mono>, p.spec.nodeName ?? NONE],
        }))}
      />
      <ObjectTable
        id="services"
        title={t.services}
        columns={[c.namespace, c.name, c.type, c.clusterIP, c.externalIP, c.ports]}
        rows={services.map((s) => ({
          key: `${s.metadata.namespace}/${s.metadata.name}`,
          cells: [s.metadata.namespace ?? '', s.metadata.name, s.spec.type ?? 'ClusterIP', <Mono>{serviceClusterIP(s)}</Mono>, <Mono>{serviceExternalIP(s)}</Mono>, <WrappingList>{servicePorts(s)}</WrappingList>],
        }))}
      />
      <ObjectTable
        id="endpoints"
        title={t.endpoints}
        columns={[c.namespace, c.name, c.endpoints]}
        rows={endpoints.map((e) => ({
          key: `${e.metadata.namespace}/${e.metadata.name}`,
          cells: [e.metadata.namespace ?? '', e.metadata.name, <WrappingList>{endpointsList(e)}</WrappingList>],
        }))}
      />
      <ObjectTable
        id="others"
        title={t.otherObjects}
        columns={[c.kind, c.namespace, c.name]}
        rows={others.map((o) => ({
          key: `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`,
          cells: [o.kind, o.metadata.namespace ?? '', o.metadata.name],
        }))}
      />
    </div>
  )
}
