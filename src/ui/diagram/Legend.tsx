/** The diagram's legend: what the packet colours and the link styles mean. */
import { diagramStrings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'

function Swatch({ className }: { className: string }) {
  return (
    <svg width="26" height="12" aria-hidden="true" focusable="false" className={`cd-swatch ${className}`}>
      <line x1="1" y1="6" x2="25" y2="6" />
      <circle cx="13" cy="6" r="4.5" />
    </svg>
  )
}

/** Legend panel. */
export function Legend() {
  const s = useStrings(diagramStrings)
  return (
    <div className="cd-legend">
      <span><Swatch className="cd-request" />{s.legendRequest}</span>
      <span><Swatch className="cd-reply" />{s.legendReply}</span>
      <span><Swatch className="cd-extra" />{s.legendExtraHop}</span>
      <span>
        <svg width="26" height="14" aria-hidden="true" focusable="false" className="cd-swatch cd-request cd-swatch-tls">
          <line x1="1" y1="7" x2="25" y2="7" />
          <rect x="7" y="1" width="12" height="12" rx="2.5" className="cd-swatch-box" />
          <rect x="10" y="6.5" width="6" height="4.5" className="cd-swatch-lock" />
          <path d="M11.2 6.5V5a1.8 1.8 0 0 1 3.6 0v1.5" className="cd-swatch-shackle" />
        </svg>
        {s.legendTls}
      </span>
      <span><span className="cd-legend-x" aria-hidden="true">✕</span>{s.legendDrop}</span>
      <span><svg width="26" height="12" aria-hidden="true" focusable="false" className="cd-swatch-link"><line x1="1" y1="6" x2="25" y2="6" /></svg>{s.legendReady}</span>
      <span><svg width="26" height="12" aria-hidden="true" focusable="false" className="cd-swatch-link is-dashed"><line x1="1" y1="6" x2="25" y2="6" /></svg>{s.legendNotReady}</span>
    </div>
  )
}
