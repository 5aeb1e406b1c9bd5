/** The diagram's legend: what the packet colours and the link styles mean. */
import { diagramStrings as s } from './strings.ts'

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
  return (
    <div className="cd-legend">
      <span><Swatch className="cd-request" />{s.legendRequest}</span>
      <span><Swatch className="cd-reply" />{s.legendReply}</span>
      <span><Swatch className="cd-extra" />{s.legendExtraHop}</span>
      <span><span className="cd-legend-x" aria-hidden="true">✕</span>{s.legendDrop}</span>
      <span><svg width="26" height="12" aria-hidden="true" focusable="false" className="cd-swatch-link"><line x1="1" y1="6" x2="25" y2="6" /></svg>{s.legendReady}</span>
      <span><svg width="26" height="12" aria-hidden="true" focusable="false" className="cd-swatch-link is-dashed"><line x1="1" y1="6" x2="25" y2="6" /></svg>{s.legendNotReady}</span>
    </div>
  )
}
