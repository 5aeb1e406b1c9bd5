/**
 * The HTTP-level sections of the inspector: the ingress controller's routing decision (at its hop),
 * the HTTPS session (certificate, Secret or fake certificate, where TLS ends) and curl's error when
 * no response came back. Thin: the words come from ingressView.ts and tlsView.ts.
 */
import { useId } from 'react'
import type { IngressExplanation } from './ingressView.ts'
import type { CurlErrorView, TlsView } from './tlsView.ts'
import { strings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'


/** The routing decision, in words, with its facts (and, for a 404, what the controller knows). */
export function IngressSection({ view }: { view: IngressExplanation }) {
  const t = useStrings(strings)
  const ti = t.ingress
  const id = useId()
  return (
    <section className={`hi-http hi-http-${view.tone}`} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>
        {t.ingressHeading}
        {view.status !== undefined && <span className={`hi-status hi-status-${view.tone}`}>{view.status}</span>}
      </h4>
      <p className="hi-http-headline">{view.headline}</p>
      <dl className="hi-cause">
        {view.facts.map((f) => (
          <div key={f.label} className="hi-fact">
            <dt>{f.label}</dt>
            <dd>{f.mono ? <code>{f.value}</code> : f.value}</dd>
          </div>
        ))}
      </dl>
      {view.known && view.known.length > 0 && (
        <div className="hi-known">
          <p className="hi-known-title">{ti.knownHeading}</p>
          <ul>
            {view.known.map((h) => (
              <li key={h.host}>
                <code className="hi-known-host">{h.host}</code>
                <ul>
                  {h.paths.map((p) => (
                    <li key={p}>
                      <code>{p}</code>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.notes.map((n) => (
        <p key={n} className="hi-note">
          {n}
        </p>
      ))}
    </section>
  )
}

/** A one-line pointer to the routing hop, shown while another hop is selected. */
export function IngressJump({ view, onSelectHop }: { view: IngressExplanation; onSelectHop(hop: number): void }) {
  const t = useStrings(strings)
  return (
    <div className={`hi-jump hi-http-${view.tone}`}>
      <span>
        {t.ingressJump(view.hop)}
        {view.status !== undefined && <span className={`hi-status hi-status-${view.tone}`}>{view.status}</span>}
      </span>
      <button type="button" className="hi-button" onClick={() => onSelectHop(view.hop)}>
        {t.ingressShowHop}
      </button>
    </div>
  )
}

function LockGlyph() {
  return (
    <svg width="13" height="13" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="hi-lock">
      <rect x="4.5" y="10.5" width="15" height="11" rx="2" fill="currentColor" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.4" />
    </svg>
  )
}

/** The TLS session: SNI, the certificate as curl -v shows it, its Secret or why it is the fake one. */
export function TlsSection({ view }: { view: TlsView }) {
  const t = useStrings(strings)
  const tt = t.tls
  const id = useId()
  const row = (label: string, value: string | undefined) =>
    value ? (
      <div className="hi-fact">
        <dt>{label}</dt>
        <dd>
          <code>{value}</code>
        </dd>
      </div>
    ) : null
  return (
    <section className={`hi-tls${view.rejected ? ' is-rejected' : ''}`} aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>
        <LockGlyph /> {tt.heading}
      </h4>
      <p className="hi-http-headline">{view.summary}</p>
      <dl className="hi-cause">
        {row(tt.sni, view.sni)}
        {row(tt.subject, view.subject)}
        {row(tt.issuer, view.issuer)}
        {row(tt.validity, tt.validityRange(view.notBefore, view.notAfter))}
        {row(tt.sans, view.sans.join(', '))}
        {row(tt.secret, view.secret)}
        {row(tt.endsAt, view.terminatedAt)}
      </dl>
      {(view.fake || view.selfSigned) && (
        <p className="hi-tls-chips">
          {view.fake && <span className="hi-mark hi-mark-warn">{tt.fake}</span>}
          {view.selfSigned && <span className="hi-mark hi-mark-warn">{tt.selfSigned}</span>}
        </p>
      )}
      {view.fake && <p className="hi-note">{view.fallbackReason ? tt.fakeWhy(view.fallbackReason) : tt.fakeNoReason}</p>}
      {view.nameMismatch && view.sni && <p className="hi-note">{tt.nameMismatch(view.sni)}</p>}
      {view.rejected ? <p className="hi-reason">{tt.rejected(view.rejected)}</p> : <p className="hi-note">{tt.plainAfter}</p>}
    </section>
  )
}

/** One line about HTTPS in the summary, pointing at the hop that shows the TLS section. */
export function TlsJump({ view, onSelectHop }: { view: TlsView; onSelectHop(hop: number): void }) {
  const t = useStrings(strings)
  const tt = t.tls
  return (
    <div className={`hi-jump hi-jump-tls${view.rejected ? ' hi-http-bad' : ''}`}>
      <span>
        <LockGlyph /> {view.summary}
      </span>
      {view.hop !== undefined && (
        <button type="button" className="hi-button" onClick={() => onSelectHop(view.hop!)}>
          {view.terminatedHop !== undefined ? tt.showHop : tt.showReject}
        </button>
      )}
    </div>
  )
}

/** curl's error (no HTTP response) and what it means. */
export function CurlErrorLine({ view }: { view: CurlErrorView }) {
  return (
    <div className="hi-curl-error" role="note">
      <code>{view.message}</code>
      <span>{view.explanation}</span>
    </div>
  )
}
