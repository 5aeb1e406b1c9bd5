/**
 * HTTPS in the inspector: the TLS session of a trace (SNI, the certificate the controller
 * presented, the Secret it came from or why it fell back to its fake certificate, where TLS ended)
 * and curl's errors when no HTTP response came back, each with a one-line explanation. Pure.
 */
import type { CertificateSummary, Trace } from '../../engine/model/net.ts'
import { formatLocation } from '../format.ts'
import type { Lang } from '../../i18n/lang.ts'
import { strings } from './strings.ts'

/** The TLS section of a trace. */
export interface TlsView {
  /** The SNI name the client sent (absent for an IP literal). */
  sni?: string
  /** As curl -v prints them: `O=Acme Co; CN=Kubernetes Ingress Controller Fake Certificate`. */
  subject: string
  issuer: string
  /** As curl -v prints them: `Jan  1 00:00:44 2025 GMT`. */
  notBefore: string
  notAfter: string
  sans: string[]
  selfSigned: boolean
  /** ingress-nginx's "Kubernetes Ingress Controller Fake Certificate". */
  fake: boolean
  /** `namespace/name` of the Secret the certificate came from. */
  secret?: string
  /** Why the controller served its fake certificate. */
  fallbackReason?: string
  /** Where TLS ended, in words (`pod ingress-nginx/ingress-nginx-controller-…`). */
  terminatedAt: string
  /** Index of the hop where TLS ended, if marked. */
  terminatedHop?: number
  /** The hop that shows the TLS section: where TLS ended, else where the client refused the certificate. */
  hop?: number
  /** The SNI name is not among the certificate's names (curl (60)/(51) without -k). */
  nameMismatch: boolean
  /** The client refused the certificate: the reason (no HTTP request was sent). */
  rejected?: string
  /** One sentence: what happened to TLS. */
  summary: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad2 = (n: number) => String(n).padStart(2, '0')

/** A certificate time as OpenSSL's ASN1_TIME_print (and so curl -v) prints it: `Jan  1 00:00:44 2025 GMT`. */
export function certTime(ms: number): string {
  const d = new Date(ms)
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`
}

/** A distinguished name as curl prints it: `O=Acme Co; CN=…`. */
export function formatDn(rdns: readonly (readonly [string, string])[]): string {
  return rdns.map(([k, v]) => `${k}=${v}`).join('; ')
}

/** Whether a certificate's names cover a host (`*.` wildcards cover one label), as a TLS client checks it. */
export function certificateCovers(cert: CertificateSummary, host: string): boolean {
  const h = host.toLowerCase()
  const names = cert.dnsNames.length > 0 ? cert.dnsNames : cert.subject.filter(([k]) => k === 'CN').map(([, v]) => v)
  return names.some((n) => {
    const p = n.toLowerCase()
    if (p === h) return true
    if (!p.startsWith('*.')) return false
    const dot = h.indexOf('.')
    return dot > 0 && h.slice(dot + 1) === p.slice(2)
  })
}

/** The TLS section of a trace, or null for plain HTTP. */
export function tlsView(trace: Trace, lang: Lang = 'en'): TlsView | null {
  const t = strings[lang].tls
  const s = trace.tls
  if (!s) return null
  const c = s.certificate
  const term = trace.hops.findIndex((h) => h.tls === 'terminated')
  const rejectAt = trace.hops.findIndex((h) => h.kind === 'reject' && h.cause?.source === 'tls')
  const reject = rejectAt >= 0 ? trace.hops[rejectAt] : undefined
  const hop = term >= 0 ? term : rejectAt
  const nameMismatch = s.sni !== undefined && !certificateCovers(c, s.sni)
  const secret = s.secret?.replace(/^Secret\//, '')
  const at = formatLocation(s.terminatedAt, lang)
  const summary = reject
    ? t.summaryRejected(at)
    : c.fake ? t.summaryFake(at) : t.summaryOk(at, secret ?? '')
  return {
    ...(s.sni !== undefined ? { sni: s.sni } : {}),
    subject: formatDn(c.subject),
    issuer: formatDn(c.issuer),
    notBefore: certTime(c.notBefore),
    notAfter: certTime(c.notAfter),
    sans: c.dnsNames,
    selfSigned: c.selfSigned,
    fake: c.fake,
    ...(secret ? { secret } : {}),
    ...(s.fallbackReason ? { fallbackReason: s.fallbackReason } : {}),
    terminatedAt: at,
    ...(term >= 0 ? { terminatedHop: term } : {}),
    ...(hop >= 0 ? { hop } : {}),
    nameMismatch,
    ...(reject?.reason ? { rejected: reject.reason } : {}),
    summary,
  }
}

/** curl's error, split and explained. */
export interface CurlErrorView {
  /** curl's exit code: 6, 7, 28, 35, 60 … */
  code: number
  /** The first line, as curl printed it. */
  message: string
  /** One line: what it means here. */
  explanation: string
}

/** Explains curl's error text (`curl: (6) Could not resolve host: …`), or null when it is not one. */
export function curlErrorView(error: string | undefined, lang: Lang = 'en'): CurlErrorView | null {
  const t = strings[lang].tls
  if (!error) return null
  const first = error.split('\n')[0]!.trim()
  const m = /^curl: \((\d+)\)/.exec(first)
  if (!m) return { code: 0, message: first, explanation: t.errors.other }
  const code = Number(m[1])
  const known = t.errors as Record<string, string>
  let explanation = known[`e${code}`] ?? t.errors.other
  // (60) says which problem: an unknown issuer and a self-signed certificate have different fixes.
  if (code === 60 && /self[- ]signed/i.test(first)) explanation = t.errors.e60self
  return { code, message: first, explanation }
}
