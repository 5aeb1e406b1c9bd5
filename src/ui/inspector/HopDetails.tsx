/**
 * Everything about the selected hop: headers before and after (changed fields marked), the cause
 * (rule text in monospace), the drop/reject reason and the conntrack entry the hop created or used.
 */
import { useId } from 'react'
import type { ReactNode } from 'react'
import type { Cause, Headers, Hop } from '../../engine/model/net.ts'
import { formatLocation, hopKindLabel } from '../format.ts'
import type { ConntrackView } from './conntrackView.ts'
import { IngressSection, TlsSection } from './IngressDetails.tsx'
import type { IngressExplanation } from './ingressView.ts'
import type { TlsView } from './tlsView.ts'
import { conntrackForHop } from './conntrackView.ts'
import type { HeaderField } from './headerDiff.ts'
import { changedFields } from './headerDiff.ts'
import { strings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useLang } from '../i18n/useLang.ts'

/** Props of the hop details. */
export interface HopDetailsProps {
  hop: Hop
  index: number
  count: number
  /** The trace's NAT conntrack entries (derived once per trace). */
  conntrack: readonly ConntrackView[]
  /** Set when the hop's rule can be shown in the rules view. */
  onShowRule?(): void
  /** The ingress routing decision, when this hop is it. */
  ingress?: IngressExplanation | undefined
  /** The HTTPS session, when this hop is where TLS ended (or where the client refused the certificate). */
  tls?: TlsView | undefined
}

/** One header value; `<mark>`ed with a hidden "changed" when NAT rewrote it. */
function Val({ value, changed }: { value: string | number; changed: boolean }) {
  const t = useStrings(strings)
  if (!changed) return <span>{value}</span>
  return (
    <mark className="hi-changed">
      {value}
      <span className="visually-hidden"> ({t.changed})</span>
    </mark>
  )
}

/** `addr:port` with each part marked on its own. */
function Endpoint({ h, addr, port, changed }: { h: Headers; addr: 'src' | 'dst'; port: 'sport' | 'dport'; changed: HeaderField[] }) {
  return (
    <code>
      <Val value={h[addr]} changed={changed.includes(addr)} />
      <wbr />:<Val value={h[port]} changed={changed.includes(port)} />
    </code>
  )
}

function HeadersTable({ hop }: { hop: Hop }) {
  const t = useStrings(strings)
  const changed = changedFields(hop.before, hop.after)
  const row = (label: string, cell: (h: Headers) => ReactNode) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{cell(hop.before)}</td>
      <td>{cell(hop.after)}</td>
    </tr>
  )
  return (
    <>
      <table className="hi-headers">
        <caption className="visually-hidden">{t.headersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.before}</th>
            <th scope="col">{t.after}</th>
          </tr>
        </thead>
        <tbody>
          {row(t.proto, (h) => (
            <code>
              <Val value={h.proto} changed={changed.includes('proto')} />
            </code>
          ))}
          {row(t.source, (h) => (
            <Endpoint h={h} addr="src" port="sport" changed={changed} />
          ))}
          {row(t.destination, (h) => (
            <Endpoint h={h} addr="dst" port="dport" changed={changed} />
          ))}
        </tbody>
      </table>
      {changed.length === 0 && <p className="hi-note">{t.unchangedNote}</p>}
    </>
  )
}

function CauseView({ cause, onShowRule }: { cause: Cause | undefined; onShowRule?: () => void }) {
  const t = useStrings(strings)
  if (!cause || (!cause.rule && !cause.chain && !cause.comment && !cause.object)) {
    return (
      <p className="hi-note">
        {cause ? `${cause.source}: ` : ''}
        {t.noCause}
      </p>
    )
  }
  return (
    <>
      <dl className="hi-cause">
        <dt>{t.causeSource}</dt>
        <dd>
          <span className={`hi-source hi-source-${cause.source.replace(/[^a-z-]/g, '')}`}>{cause.source}</span>
        </dd>
        {cause.chain && (
          <>
            <dt>{t.causeChain}</dt>
            <dd>
              <code>{cause.chain}</code>
            </dd>
          </>
        )}
        {cause.rule && (
          <>
            <dt>{t.causeRule}</dt>
            <dd>
              <code className="hi-rule">{cause.rule}</code>
            </dd>
          </>
        )}
        {cause.comment && (
          <>
            <dt>{t.causeComment}</dt>
            <dd>{cause.comment}</dd>
          </>
        )}
        {cause.object && (
          <>
            <dt>{t.causeObject}</dt>
            <dd>
              <code>{cause.object}</code>
            </dd>
          </>
        )}
      </dl>
      {cause.rule && onShowRule && (
        <button type="button" className="hi-button" onClick={onShowRule}>
          {t.showInRules}
        </button>
      )}
    </>
  )
}

function ConntrackSection({ entries, hop, index }: { entries: readonly ConntrackView[]; hop: Hop; index: number }) {
  const t = useStrings(strings)
  const mine = conntrackForHop(entries, index)
  // A request's first packet sets the entry up; replies (and later packets, cause "conntrack") use it.
  const creates = !hop.reply && hop.cause?.source !== 'conntrack'
  const shown = mine ? [mine] : entries
  if (shown.length === 0) return <p className="hi-note">{t.conntrackNone}</p>
  return (
    <>
      {shown.map((e) => {
        const role = mine ? (creates ? t.conntrackCreated : t.conntrackUsed) : undefined
        return (
          <div key={e.node} className="hi-ct">
            <p className="hi-ct-intro">
              {t.conntrackIntro(e.node)}
              {role && <span className="hi-ct-role"> {role}</span>}
            </p>
            <pre className="hi-ct-line">
              <code>{e.line}</code>
            </pre>
          </div>
        )
      })}
    </>
  )
}

/** 🔒 on hops whose payload is TLS, "TLS ends" where the controller decrypts. */
export function TlsMark({ hop }: { hop: Hop }) {
  const t = useStrings(strings)
  if (!hop.tls) return null
  return <span className={`hi-mark hi-mark-tls${hop.tls === 'terminated' ? ' is-end' : ''}`}>{hop.tls === 'terminated' ? t.tlsEndsMark : t.tlsMark}</span>
}

/** The details panel of one hop. */
export function HopDetails({ hop, index, count, conntrack, onShowRule, ingress, tls }: HopDetailsProps) {
  const t = useStrings(strings)
  const lang = useLang()
  const id = useId()
  const bad = hop.kind === 'drop' || hop.kind === 'reject'
  return (
    <section className="hi-details" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="hi-details-title">
        <span className="hi-details-pos">
          {index + 1}/{count}
        </span>{' '}
        <span className={`hi-kind hi-kind-${hop.kind}`}>{hopKindLabel(hop.kind, lang)}</span> {formatLocation(hop.at, lang)}
        {hop.to && (
          <span className="hi-details-to">
            {' '}
            → {formatLocation(hop.to, lang)}
          </span>
        )}
        {hop.reply && <span className="hi-mark hi-mark-reply">↩ {t.reply}</span>}
        {hop.extraHop && <span className="hi-mark hi-mark-extra">{t.extraHop}</span>}
        <TlsMark hop={hop} />
      </h3>

      {ingress && <IngressSection view={ingress} />}
      {tls && <TlsSection view={tls} />}

      {bad && hop.reason && (
        <p className="hi-reason">
          <strong>{t.reasonHeading}:</strong> {hop.reason}
        </p>
      )}

      <h4>{t.headersHeading}</h4>
      <HeadersTable hop={hop} />

      <h4>{t.causeHeading}</h4>
      <CauseView cause={hop.cause} onShowRule={onShowRule} />

      <h4>{t.conntrackHeading}</h4>
      <ConntrackSection entries={conntrack} hop={hop} index={index} />
    </section>
  )
}
