/**
 * The hop inspector: the selected packet's hops (a keyboard-navigable listbox), the selected
 * hop's headers, cause and conntrack entry, the "client IP as the pod sees it" lesson, the
 * ingress controller's routing decision and the HTTPS session (when the request had them), curl's
 * error when no response came, and the ruleset of the hop's node with the matched rule
 * highlighted. Driven by props only.
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
import { CurlErrorLine, IngressJump, TlsJump } from './IngressDetails.tsx'
import { ingressExplanation } from './ingressView.ts'
import { curlErrorView, tlsView } from './tlsView.ts'
import RulesView from './RulesView.tsx'
import { strings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useLang } from '../i18n/useLang.ts'
import './inspector.css'

function ClientIp({ view }: { view: ClientIpView }) {
  const t = useStrings(strings)
  const text =
    view.kind === 'not-delivered'
      ? t.clientIpNotDelivered
      : view.kind === 'preserved'
        ? t.clientIpPreserved(view.seen)
        : view.kind === 'proxied'
          ? t.clientIpProxied(view.seen, view.controller, view.controllerSaw, view.client)
          : t.clientIpSnat(view.seen, view.client, view.by)
  return (
    <div className={`hi-client hi-client-${view.kind}`}>
      <span className="hi-client-label">{t.clientIpHeading}</span>
      {view.kind !== 'not-delivered' && <code className="hi-client-ip">{view.seen}</code>}
      <span className="hi-client-text">{text}</span>
    </div>
  )
}

/** The hop inspector (see HopInspectorProps in src/ui/contracts.ts). */
export default function HopInspector({ trace, hop, onSelectHop, loadRuleset, objects, response }: HopInspectorProps) {
  const t = useStrings(strings)
  const lang = useLang()
  const selected = trace && hop !== undefined && hop >= 0 && hop < trace.hops.length ? hop : undefined
  const derived = useMemo(
    () => (trace ? { conntrack: conntrackEntries(trace), client: clientIpView(trace), nodes: traceNodes(trace), tls: tlsView(trace, lang) } : undefined),
    [trace, lang],
  )
  const ingress = useMemo(() => (trace ? ingressExplanation(trace, objects, lang) : null), [trace, objects, lang])
  const curlError = useMemo(() => curlErrorView(response?.error, lang), [response?.error, lang])
  // The user may pick another node's ruleset; the pick holds until the trace or hop changes.
  const [pick, setPick] = useState<{ trace: number; hop: number | undefined; node: string }>()
  const [jump, setJump] = useState(0)

  if (!trace || !derived) {
    return (
      <section className="hop-inspector" aria-label={t.inspectorLabel}>
        <p className="hi-empty">{t.noTrace}</p>
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
    <section className="hop-inspector" aria-label={t.inspectorLabel}>
      <header className="hi-summary">
        <h2 className="hi-title">
          {t.traceTitle(trace.id)}{' '}
          <span className="hi-route">
            {first && `${formatLocation(first.at, lang)} → ${first.before.dst}:${first.before.dport}`}
            {trace.pod ? ` → ${trace.pod}` : ''}
          </span>{' '}
          <span className={`hi-outcome hi-outcome-${trace.outcome}`}>{t.outcome[trace.outcome]}</span>
          {response && response.status > 0 && <span className="hi-status hi-status-plain">{t.responseStatus(response.status)}</span>}
        </h2>
        {curlError && <CurlErrorLine view={curlError} />}
        {trace.hops.length > 0 && <ClientIp view={derived.client} />}
        {derived.tls && selected !== derived.tls.hop && <TlsJump view={derived.tls} onSelectHop={onSelectHop} />}
        {ingress && selected !== ingress.hop && <IngressJump view={ingress} onSelectHop={onSelectHop} />}
      </header>

      <div className="hi-main">
        <HopList trace={trace} hop={selected} onSelectHop={onSelectHop} />
        {h && selected !== undefined ? (
          <HopDetails
            hop={h}
            index={selected}
            count={trace.hops.length}
            conntrack={derived.conntrack}
            ingress={ingress && selected === ingress.hop ? ingress : undefined}
            tls={derived.tls && selected === derived.tls.hop ? derived.tls : undefined}
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
          <p className="hi-empty hi-details">{t.noHop}</p>
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
