/**
 * The hop inspector: the selected packet's hops (a keyboard-navigable listbox), the selected
 * hop's headers, cause and conntrack entry, the "client IP as the pod sees it" lesson, and the
 * ruleset of the hop's node with the matched rule highlighted. Driven by props only.
 */
import { useMemo, useState } from 'react'
import type { Hop } from '../../engine/model/net.ts'
import type { HopInspectorProps } from '../contracts.ts'
import { formatLocation } from '../format.ts'
import { conntrackEntries } from './conntrackView.ts'
import { HopDetails } from './HopDetails.tsx'
import { HopList } from './HopList.tsx'
import { clientIpView, nodeOfLocation, rulesNodeForHop, traceNodes } from './hopView.ts'
import type { ClientIpView } from './hopView.ts'
import RulesView from './RulesView.tsx'
import { strings } from './strings.ts'
import './inspector.css'

function ClientIp({ view }: { view: ClientIpView }) {
  const text =
    view.kind === 'not-delivered'
      ? strings.clientIpNotDelivered
      : view.kind === 'preserved'
        ? strings.clientIpPreserved(view.seen)
        : strings.clientIpSnat(view.seen, view.client, view.by)
  return (
    <div className={`hi-client hi-client-${view.kind}`}>
      <span className="hi-client-label">{strings.clientIpHeading}</span>
      {view.kind !== 'not-delivered' && <code className="hi-client-ip">{view.seen}</code>}
      <span className="hi-client-text">{text}</span>
    </div>
  )
}

/** The hop inspector (see HopInspectorProps in src/ui/contracts.ts). */
export default function HopInspector({ trace, hop, onSelectHop, loadRuleset }: HopInspectorProps) {
  const selected = trace && hop !== undefined && hop >= 0 && hop < trace.hops.length ? hop : undefined
  const derived = useMemo(
    () => (trace ? { conntrack: conntrackEntries(trace), client: clientIpView(trace), nodes: traceNodes(trace) } : undefined),
    [trace],
  )
  // The user may pick another node's ruleset; the pick holds until the trace or hop changes.
  const [pick, setPick] = useState<{ trace: number; hop: number | undefined; node: string }>()
  const [jump, setJump] = useState(0)

  if (!trace || !derived) {
    return (
      <section className="hop-inspector" aria-label={strings.inspectorLabel}>
        <p className="hi-empty">{strings.noTrace}</p>
      </section>
    )
  }

  const autoNode = rulesNodeForHop(trace, selected)
  const rulesNode = pick && pick.trace === trace.id && pick.hop === selected ? pick.node : autoNode
  const h = selected === undefined ? undefined : trace.hops[selected]
  const hopNode = nodeOfLocation(h?.at)
  // Highlight only a rule of the node it ran on (a pod hop's node did not run its cause).
  const cause = h && h.at.kind === 'node' && hopNode === rulesNode ? h.cause : undefined
  const canShowRule = !!h?.cause?.rule && h.at.kind === 'node'
  const first = trace.hops[0] as Hop | undefined

  return (
    <section className="hop-inspector" aria-label={strings.inspectorLabel}>
      <header className="hi-summary">
        <h2 className="hi-title">
          {strings.traceTitle(trace.id)}{' '}
          <span className="hi-route">
            {first && `${formatLocation(first.at)} → ${first.before.dst}:${first.before.dport}`}
            {trace.pod ? ` → ${trace.pod}` : ''}
          </span>{' '}
          <span className={`hi-outcome hi-outcome-${trace.outcome}`}>{strings.outcome[trace.outcome]}</span>
        </h2>
        <ClientIp view={derived.client} />
      </header>

      <div className="hi-main">
        <HopList trace={trace} hop={selected} onSelectHop={onSelectHop} />
        {h && selected !== undefined ? (
          <HopDetails
            hop={h}
            index={selected}
            count={trace.hops.length}
            conntrack={derived.conntrack}
            onShowRule={
              canShowRule
                ? () => {
                    if (hopNode && hopNode !== rulesNode) setPick({ trace: trace.id, hop: selected, node: hopNode })
                    setJump((j) => j + 1)
                  }
                : undefined
            }
          />
        ) : (
          <p className="hi-empty hi-details">{strings.noHop}</p>
        )}
      </div>

      {rulesNode && (
        <RulesView
          node={rulesNode}
          nodes={derived.nodes}
          onNodeChange={(node) => setPick({ trace: trace.id, hop: selected, node })}
          loadRuleset={loadRuleset}
          cause={cause}
          reloadKey={trace.id}
          jump={jump}
        />
      )}
    </section>
  )
}
