/**
 * The node components of the cluster diagram (zones, clients, load balancer, nodes, pods,
 * Services, Ingresses) and `diagramNodeTypes`, the module-level map React Flow needs.
 */
import { Handle, Position } from '@xyflow/react'
import type { NodeProps, NodeTypes } from '@xyflow/react'
import { memo, useContext } from 'react'
import { DiagramContext } from './diagramContext.ts'
import {
  ingressLines, loadBalancerLines, nodeAddressLine, podStateText, serviceChips, serviceLines,
} from './elementText.ts'
import type { IngressLine, TextLine } from './elementText.ts'
import type {
  ClientNode, GroupNode, IngressNode, K8sNodeNode, LoadBalancerNode, PodNode, ServiceNode, ZoneNode,
} from './flowElements.ts'
import { Legend } from './Legend.tsx'
import { BrowserIcon, CloudIcon, IngressIcon, LockIcon, ServerIcon, ServiceIcon, TerminalIcon } from './icons.tsx'
import type { SendTarget } from './sendTargets.ts'
import { diagramStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'

function Lines({ lines }: { lines: TextLine[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <div key={i} className={`cd-line cd-line-${l.style}`} title={l.text}>{l.text}</div>
      ))}
    </>
  )
}

function SendButton({ target, label }: { target: SendTarget; label?: string }) {
  const s = useStrings(diagramStrings)
  const { onSendTo } = useContext(DiagramContext)
  if (!onSendTo) return null
  return (
    <button
      type="button"
      className="cd-send nodrag nopan"
      aria-label={s.sendTo(target.url)}
      title={s.sendTo(target.url)}
      onClick={(e) => {
        e.stopPropagation()
        onSendTo({ from: target.from, url: target.url })
      }}
    >
      <span aria-hidden="true">▶</span> {label ?? target.label}
    </button>
  )
}

function ZoneView({ data }: NodeProps<ZoneNode>) {
  return (
    <div className={`cd-zone cd-zone-${data.zone}`}>
      <div className="cd-zone-title">{data.label}</div>
    </div>
  )
}

function ClientView({ data }: NodeProps<ClientNode>) {
  const c = data.client
  return (
    <div className="cd-box cd-client">
      <span className="cd-icon-wrap">{c.kind === 'browser' ? <BrowserIcon /> : <TerminalIcon />}</span>
      <div className="cd-client-text">
        <div className="cd-title">{c.name}</div>
        <div className="cd-line cd-line-mono">{c.ip}</div>
      </div>
      <span className="cd-port" aria-hidden="true" />
    </div>
  )
}

function LoadBalancerView({ data }: NodeProps<LoadBalancerNode>) {
  const s = useStrings(diagramStrings)
  const { metrics: m } = useContext(DiagramContext)
  return (
    <div className={`cd-box cd-lb${data.portLeft ? ' is-port-left' : ''}`}>
      <div className="cd-lb-head" style={{ height: m.lbHeader }}>
        <span className="cd-icon-wrap"><CloudIcon /></span>
        <span className="cd-title">{s.loadBalancer}</span>
        <span className="cd-port" aria-hidden="true" />
      </div>
      <Lines lines={loadBalancerLines(data.lb)} />
    </div>
  )
}

function K8sNodeView({ data }: NodeProps<K8sNodeNode>) {
  const s = useStrings(diagramStrings)
  const { metrics: m } = useContext(DiagramContext)
  const n = data.node
  const stripH = 2 * m.stripRowH + 3 * m.stripGap
  return (
    <div className={`cd-node${n.ready ? '' : ' is-notready'}`}>
      <Handle type="target" position={Position.Right} id="r" className="cd-handle" isConnectable={false} style={{ top: m.nodeHeader / 2 }} />
      <div className="cd-node-head" style={{ height: m.nodeHeader }}>
        <div className="cd-node-title">
          <span className="cd-icon-wrap"><ServerIcon /></span>
          <span className="cd-title">{n.name}</span>
          <span className="cd-chip">{n.role}</span>
          {!n.ready && <span className="cd-chip cd-chip-bad">{s.nodeNotReady}</span>}
        </div>
        <div className="cd-node-title">
          <span className="cd-line cd-line-mono" title={nodeAddressLine(n, s)}>{nodeAddressLine(n, s)}</span>
          <span className="cd-spacer" />
          {data.send.slice(0, 1).map((t) => <SendButton key={t.url} target={t} />)}
        </div>
      </div>
      <div className="cd-strip" style={{ top: m.nodeHeader, height: stripH, left: m.gutter - 12 }}>
        <span className="cd-strip-label" style={{ lineHeight: `${m.stripRowH}px`, top: m.stripGap }}>
          {s.kubeProxy} · {data.proxyMode}
        </span>
      </div>
    </div>
  )
}

function GroupView({ data }: NodeProps<GroupNode>) {
  const { metrics: m } = useContext(DiagramContext)
  return (
    <div className="cd-node cd-group">
      <div className="cd-node-head" style={{ height: m.nodeHeader }}>
        <div className="cd-node-title"><span className="cd-title">{data.label}</span></div>
      </div>
    </div>
  )
}

function PodView({ data }: NodeProps<PodNode>) {
  const s = useStrings(diagramStrings)
  const p = data.pod
  return (
    <div className={`cd-pod is-${p.state}`}>
      <Handle type="target" position={Position.Right} id="r" className="cd-handle" isConnectable={false} />
      <span className="cd-port" aria-hidden="true" />
      <div className="cd-pod-row">
        <span className="cd-title" title={p.key}>{p.name}</span>
        {p.namespace !== 'default' && <span className="cd-chip">{p.namespace}</span>}
        <span className="cd-spacer" />
        <span className={`cd-hits${data.hits > 0 ? ' has-hits' : ''}`} title={s.hits(data.hits)}>{s.hitsShort(data.hits)}</span>
      </div>
      <div className="cd-pod-row cd-line-mono">
        <span>{p.ip ?? s.noIP}</span>
        {p.ingressController ? (
          <span className="cd-chip cd-chip-ingress" title={p.labels.join(', ')}><IngressIcon />{s.ingressControllerChip}</span>
        ) : (
          p.labels.length > 0 && <span className="cd-labels" title={p.labels.join(', ')}>{p.labels.join(' ')}</span>
        )}
        <span className="cd-spacer" />
        <span className="cd-state"><span className="cd-state-dot" aria-hidden="true" />{podStateText(p, s)}</span>
      </div>
      <div className="cd-hitbar" aria-hidden="true"><span style={{ width: `${Math.round(data.share * 100)}%` }} /></div>
    </div>
  )
}

function ServiceView({ data }: NodeProps<ServiceNode>) {
  const s = useStrings(diagramStrings)
  const { metrics: m } = useContext(DiagramContext)
  const svc = data.svc
  return (
    <div className={`cd-svc${svc.isDNS ? ' is-dns' : ''}`}>
      <Handle type="source" position={Position.Left} id="l" className="cd-handle" isConnectable={false} style={{ top: m.svcHeader / 2 }} />
      <Handle type="target" position={Position.Right} id="r" className="cd-handle" isConnectable={false} style={{ top: m.svcHeader / 2 }} />
      <div className="cd-svc-head" style={{ height: m.svcHeader }}>
        <div className="cd-node-title">
          <span className="cd-icon-wrap"><ServiceIcon /></span>
          <span className="cd-title" title={svc.key}>{svc.name}</span>
          <span className="cd-spacer" />
          {data.send && <SendButton target={data.send} label={s.send} />}
        </div>
        <div className="cd-chips">
          {serviceChips(svc, s).map((c) => <span key={c} className={`cd-chip${c === s.dns ? ' cd-chip-dns' : ''}`}>{c}</span>)}
          {svc.namespace !== 'default' && <span className="cd-chip">{svc.namespace}</span>}
          <span className="cd-ep-count">{data.ready}/{data.total} {s.endpointsReadyShort}</span>
        </div>
      </div>
      <Lines lines={serviceLines(svc, s)} />
    </div>
  )
}

function IngressLineView({ line }: { line: IngressLine }) {
  switch (line.kind) {
    case 'host':
      return (
        <div className="cd-line cd-line-mono cd-ing-hostline" title={line.title}>
          <span className="cd-ing-lock" aria-hidden="true">{line.tlsSecret !== undefined && <LockIcon />}</span>
          <span className="cd-ing-host">{line.host}</span>
          {line.tlsSecret && <span className="cd-ing-secret">{line.tlsSecret}</span>}
        </div>
      )
    case 'path':
    case 'default':
      return (
        <div className={`cd-line cd-line-mono cd-ing-rule${line.kind === 'default' ? ' is-default' : ''}`} data-id={line.id} title={line.title}>
          {line.kind === 'default' ? <span className="cd-ing-path">{line.text.split(' ')[0]}</span> : <span className="cd-ing-path">{line.path}</span>}
          {line.pathType && <span className="cd-ing-type">{line.pathType}</span>}
          <span className="cd-ing-target">{line.target}</span>
        </div>
      )
    default:
      return <div className={`cd-line cd-line-${line.style}${line.warn ? ' cd-line-warn' : ''}`} title={line.title}>{line.text}</div>
  }
}

function IngressView({ data }: NodeProps<IngressNode>) {
  const s = useStrings(diagramStrings)
  const { metrics: m } = useContext(DiagramContext)
  const ing = data.ing
  return (
    <div className="cd-svc cd-ingress">
      <Handle type="source" position={Position.Left} id="l" className="cd-handle" isConnectable={false} style={{ top: m.svcHeader / 2 }} />
      <div className="cd-svc-head" style={{ height: m.svcHeader }}>
        <div className="cd-node-title">
          <span className="cd-icon-wrap"><IngressIcon /></span>
          <span className="cd-title" title={`${ing.namespace}/${ing.name}`}>{ing.name}</span>
        </div>
        <div className="cd-chips">
          <span className="cd-chip">{s.ingress}</span>
          {ing.namespace !== 'default' && <span className="cd-chip">{ing.namespace}</span>}
          {ing.className && <span className="cd-chip">{ing.className}</span>}
          {ing.tls.length > 0 && <span className="cd-chip cd-chip-tls"><LockIcon /> TLS</span>}
        </div>
      </div>
      {ingressLines(ing, s).map((l, i) => <IngressLineView key={i} line={l} />)}
    </div>
  )
}

/** React Flow node types of the diagram (module scope, so React Flow never sees a new object). */
export const diagramNodeTypes: NodeTypes = {
  zone: memo(ZoneView),
  client: memo(ClientView),
  loadbalancer: memo(LoadBalancerView),
  k8snode: memo(K8sNodeView),
  podgroup: memo(GroupView),
  legend: memo(Legend),
  pod: memo(PodView),
  service: memo(ServiceView),
  ingress: memo(IngressView),
}
