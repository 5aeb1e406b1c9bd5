/**
 * Everything about the selected hop: headers before and after (changed fields marked), the cause
 * (rule text in monospace), the drop/reject reason and the conntrack entry the hop created or used.
 */
import { useId } from 'react'
import type { ReactNode } from 'react'
import type { Cause, Headers, Hop } from '../../engine/model/net.ts'
import { formatLocation, hopKindLabel } from '../format.ts'
import type { ConntrackView } from './conntrackView.ts'
import { conntrackForHop } from './conntrackView.ts'
import type { HeaderField } from './headerDiff.ts'
import { changedFields } from './headerDiff.ts'
import { strings } from './strings.ts'

/** Props of the hop details. */
export interface HopDetailsProps {
  hop: Hop
  index: number
  count: number
  /** The trace's NAT conntrack entries (derived once per trace). */
  conntrack: readonly ConntrackView[]
  /** Set when the hop's rule can be shown in the rules view. */
  onShowRule?(): void
}

/** One header value; `<mark>`ed with a hidden "changed" when NAT rewrote it. */
function Val({ value, changed }: { value: string | number; changed: boolean }) {
  if (!changed) return <span>{value}</span>
  return (
    <mark className="hi-changed">
      {value}
      <span className="visually-hidden"> ({strings.changed})</span>
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
        <caption className="visually-hidden">{strings.headersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{strings.field}</th>
            <th scope="col">{strings.before}</th>
            <th scope="col">{strings.after}</th>
          </tr>
        </thead>
        <tbody>
          {row(strings.proto, (h) => (
            <code>
              <Val value={h.proto} changed={changed.includes('proto')} />
            </code>
          ))}
          {row(strings.source, (h) => (
            <Endpoint h={h} addr="src" port="sport" changed={changed} />
          ))}
          {row(strings.destination, (h) => (
            <Endpoint h={h} addr="dst" port="dport" changed={changed} />
          ))}
        </tbody>
      </table>
      {changed.length === 0 && <p className="hi-note">{strings.unchangedNote}</p>}
    </>
  )
}

function CauseView({ cause, onShowRule }: { cause: Cause | undefined; onShowRule?: () => void }) {
  if (!cause || (!cause.rule && !cause.chain && !cause.comment && !cause.object)) {
    return (
      <p className="hi-note">
        {cause ? `${cause.source}: ` : ''}
        {strings.noCause}
      </p>
    )
  }
  return (
    <>
      <dl className="hi-cause">
        <dt>{strings.causeSource}</dt>
        <dd>
          <span className={`hi-source hi-source-${cause.source.replace(/[^a-z-]/g, '')}`}>{cause.source}</span>
        </dd>
        {cause.chain && (
          <>
            <dt>{strings.causeChain}</dt>
            <dd>
              <code>{cause.chain}</code>
            </dd>
          </>
        )}
        {cause.rule && (
          <>
            <dt>{strings.causeRule}</dt>
            <dd>
              <code className="hi-rule">{cause.rule}</code>
            </dd>
          </>
        )}
        {cause.comment && (
          <>
            <dt>{strings.causeComment}</dt>
            <dd>{cause.comment}</dd>
          </>
        )}
        {cause.object && (
          <>
            <dt>{strings.causeObject}</dt>
            <dd>
              <code>{cause.object}</code>
            </dd>
          </>
        )}
      </dl>
      {cause.rule && onShowRule && (
        <button type="button" className="hi-button" onClick={onShowRule}>
          {strings.showInRules}
        </button>
      )}
    </>
  )
}

function ConntrackSection({ entries, hop, index }: { entries: readonly ConntrackView[]; hop: Hop; index: number }) {
  const mine = conntrackForHop(entries, index)
  // A request's first packet sets the entry up; replies (and later packets, cause "conntrack") use it.
  const creates = !hop.reply && hop.cause?.source !== 'conntrack'
  const shown = mine ? [mine] : entries
  if (shown.length === 0) return <p className="hi-note">{strings.conntrackNone}</p>
  return (
    <>
      {shown.map((e) => {
        const role = mine ? (creates ? strings.conntrackCreated : strings.conntrackUsed) : undefined
        return (
          <div key={e.node} className="hi-ct">
            <p className="hi-ct-intro">
              {strings.conntrackIntro(e.node)}
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

/** The details panel of one hop. */
export function HopDetails({ hop, index, count, conntrack, onShowRule }: HopDetailsProps) {
  const id = useId()
  const bad = hop.kind === 'drop' || hop.kind === 'reject'
  return (
    <section className="hi-details" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="hi-details-title">
        <span className="hi-details-pos">
          {index + 1}/{count}
        </span>{' '}
        <span className={`hi-kind hi-kind-${hop.kind}`}>{hopKindLabel(hop.kind)}</span> {formatLocation(hop.at)}
        {hop.to && (
          <span className="hi-details-to">
            {' '}
            → {formatLocation(hop.to)}
          </span>
        )}
        {hop.reply && <span className="hi-mark hi-mark-reply">↩ {strings.reply}</span>}
        {hop.extraHop && <span className="hi-mark hi-mark-extra">{strings.extraHop}</span>}
      </h3>

      {bad && hop.reason && (
        <p className="hi-reason">
          <strong>{strings.reasonHeading}:</strong> {hop.reason}
        </p>
      )}

      <h4>{strings.headersHeading}</h4>
      <HeadersTable hop={hop} />

      <h4>{strings.causeHeading}</h4>
      <CauseView cause={hop.cause} onShowRule={onShowRule} />

      <h4>{strings.conntrackHeading}</h4>
      <ConntrackSection entries={conntrack} hop={hop} index={index} />
    </section>
  )
}
