/** Small inline icons of the diagram (decorative: hidden from screen readers, the boxes carry labels). */

const common = { width: 18, height: 18, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const

/** A terminal: the curl-like client. */
export function TerminalIcon() {
  return (
    <svg {...common} className="cd-icon">
      <rect x="2.5" y="4" width="19" height="16" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M6.5 9.5l3 2.5-3 2.5M11.5 15h5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** A browser window: the browser-like client. */
export function BrowserIcon() {
  return (
    <svg {...common} className="cd-icon">
      <rect x="2.5" y="4" width="19" height="16" rx="2.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M2.5 8.5h19" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="5.5" cy="6.3" r="0.9" fill="currentColor" />
      <circle cx="8.2" cy="6.3" r="0.9" fill="currentColor" />
    </svg>
  )
}

/** A cloud: the cloud load balancer. */
export function CloudIcon() {
  return (
    <svg {...common} className="cd-icon">
      <path d="M7 18.5h10.5a4 4 0 0 0 .6-7.95A5.5 5.5 0 0 0 7.6 9.1 4.7 4.7 0 0 0 7 18.5z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
    </svg>
  )
}

/** A server: a cluster node. */
export function ServerIcon() {
  return (
    <svg {...common} className="cd-icon">
      <rect x="3" y="4" width="18" height="7" rx="1.8" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <rect x="3" y="13" width="18" height="7" rx="1.8" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <circle cx="7" cy="7.5" r="1" fill="currentColor" />
      <circle cx="7" cy="16.5" r="1" fill="currentColor" />
    </svg>
  )
}

/** A hexagon: a Service (a virtual element). */
export function ServiceIcon() {
  return (
    <svg {...common} className="cd-icon">
      <path d="M12 2.8l8 4.6v9.2l-8 4.6-8-4.6V7.4z" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" strokeDasharray="3 2" />
      <circle cx="12" cy="12" r="2.4" fill="currentColor" />
    </svg>
  )
}

/** Branching arrows: an Ingress. */
export function IngressIcon() {
  return (
    <svg {...common} className="cd-icon">
      <path d="M3 12h7m0 0l4-5h7m-11 5l4 5h7" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** A padlock: TLS (HTTPS) — on Ingress hosts covered by spec.tls, and where TLS ends. */
export function LockIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="cd-icon cd-lock">
      <rect x="4.5" y="10.5" width="15" height="11" rx="2" fill="currentColor" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.4" />
    </svg>
  )
}
