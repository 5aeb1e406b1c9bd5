/** "Send request": one request from the default client to the scenario's NodePort Service, and its hops. */
import type { HttpResult } from '../engine/facade.ts'
import type { Hop } from '../engine/model/net.ts'
import { appController } from './appController.ts'
import { formatHeaders, formatLocation, headersChanged, hopKindLabel } from './format.ts'
import { defaultRequestTarget } from './requestTarget.ts'
import { strings } from './strings.ts'
import { useAppStore } from './useAppStore.ts'

function HopItem({ hop }: { hop: Hop }) {
  const changed = headersChanged(hop.before, hop.after)
  const cause = hop.cause
  return (
    <li className={`hop hop-${hop.kind}`} data-hop-kind={hop.kind}>
      <div className="hop-head">
        <span className="hop-loc">{formatLocation(hop.at)}</span>
        <span className={`hop-kind kind-${hop.kind}`}>{hopKindLabel(hop.kind)}</span>
        {hop.extraHop && <span className="badge badge-warn">{strings.extraHop}</span>}
        {hop.reply && <span className="badge">{strings.replyHop}</span>}
      </div>
      <div className="hop-headers">
        <code>{formatHeaders(hop.before)}</code>
        {changed && (
          <>
            <span className="arrow" aria-hidden="true">⇒</span>
            <span className="visually-hidden"> {strings.becomes} </span>
            <code className="after">{formatHeaders(hop.after)}</code>
          </>
        )}
      </div>
      {hop.to && <div className="hop-note">→ {formatLocation(hop.to)}</div>}
      {cause && (cause.chain || cause.rule || cause.object) && (
        <div className="hop-note">
          {cause.source}
          {cause.chain && <> · <code>{cause.chain}</code></>}
          {cause.comment && <> · {cause.comment}</>}
          {cause.object && <> · {cause.object}</>}
        </div>
      )}
      {hop.reason && <div className="hop-note">{hop.reason}</div>}
    </li>
  )
}

function ResultView({ result }: { result: HttpResult }) {
  return (
    <div className="result">
      <p className="result-line">
        <span className={result.status >= 200 && result.status < 400 ? 'status ok' : 'status bad'}>
          {result.status > 0 ? `HTTP ${result.status}` : result.trace.outcome}
        </span>
        {result.body && <code className="body">{result.body.trim()}</code>}
        {result.error && <span className="error-text">{result.error}</span>}
      </p>
      <h3>{strings.hopsHeading}</h3>
      <ol className="hops" aria-label={strings.hopsHeading}>
        {result.trace.hops.map((hop, i) => (
          <HopItem key={i} hop={hop} />
        ))}
      </ol>
    </div>
  )
}

/** The request panel. */
export function RequestPanel() {
  const snapshot = useAppStore((s) => s.snapshot)
  const simStatus = useAppStore((s) => s.simStatus)
  const last = useAppStore((s) => s.lastRequest)
  const target = snapshot ? defaultRequestTarget(snapshot) : null
  const client = target && snapshot?.config.clients.find((c) => c.name === target.from)
  const busy = simStatus !== 'ready' || last?.status === 'pending'
  return (
    <section className="request-panel" aria-labelledby="request-heading">
      <h2 id="request-heading">{strings.requestHeading}</h2>
      {snapshot && !target && <p>{strings.requestNoTarget}</p>}
      {target && (
        <dl className="target">
          <dt>From</dt>
          <dd>client {target.from}{client && <> (<code>{client.ip}</code>)</>}</dd>
          <dt>To</dt>
          <dd>Service {target.service} via node {target.node}</dd>
          <dt>URL</dt>
          <dd><code>{target.url}</code></dd>
        </dl>
      )}
      <button
        type="button"
        className="primary"
        disabled={busy || !target}
        onClick={() => target && void appController.sendRequest(target.from, target.url)}
      >
        {last?.status === 'pending' ? strings.requestSending : strings.requestButton}
      </button>
      <div aria-live="polite">
        {last?.status === 'error' && (
          <p className="error-text" role="alert">{strings.requestFailed} {last.error}</p>
        )}
        {last?.status === 'done' && last.results.map((r, i) => <ResultView key={i} result={r} />)}
      </div>
    </section>
  )
}
