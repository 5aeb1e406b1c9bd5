/**
 * String-format checks with apimachinery's exact messages
 * (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go and
 * pkg/api/validate/content/kube.go). Each returns the list of failure messages (empty = valid).
 */

/** validation.RegexError: `<msg> (e.g. 'a',  or 'b', regex used for validation is '<re>')`. */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`
  let s = `${msg} (e.g. `
  examples.forEach((ex, i) => {
    if (i > 0) s += ' or '
    s += `'${ex}', `
  })
  return `${s}regex used for validation is '${re}')`
}

/** validation.MaxLenError. */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`
}

/** validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?'
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"
const WILDCARD_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`
const WILDCARD_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character"

const dns1123Label = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const dns1123Subdomain = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`)
const dns1035Label = new RegExp(`^${DNS1035_LABEL_FMT}$`)
const wildcardSubdomain = new RegExp(`^${WILDCARD_FMT}$`)

/** Byte length, as Go's len() counts. */
function byteLen(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

/** validation.IsDNS1123Label (container names, port names, hostnames). */
export function isDNS1123Label(v: string): string[] {
  const errs: string[] = []
  if (byteLen(v) > 63) errs.push(maxLenError(63))
  if (!dns1123Label.test(v)) {
    if (dns1123Subdomain.test(v)) errs.push('must not contain dots')
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

/** validation.IsDNS1123Subdomain (most object names, Ingress hosts, externalName). */
export function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = []
  if (byteLen(v) > 253) errs.push(maxLenError(253))
  if (!dns1123Subdomain.test(v)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'))
  return errs
}

/** validation.IsDNS1035Label (Service names). */
export function isDNS1035Label(v: string): string[] {
  const errs: string[] = []
  if (byteLen(v) > 63) errs.push(maxLenError(63))
  if (!dns1035Label.test(v)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'))
  return errs
}

/** validation.IsWildcardDNS1123Subdomain (`*.foo.com` Ingress hosts). */
export function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = []
  if (byteLen(v) > 253) errs.push(maxLenError(253))
  if (!wildcardSubdomain.test(v)) errs.push(regexError(WILDCARD_MSG, WILDCARD_FMT, '*.example.com'))
  return errs
}

/** validation.IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 && Number.isInteger(port) ? [] : [inclusiveRangeError(1, 65535)]
}

/**
 * validation.IsValidPortName (IANA_SVC_NAME): ≤15 chars of [-a-z0-9], at least one letter, no
 * `--`, no leading/trailing `-`. (Wording of the letter rule is the current upstream one.)
 */
export function isValidPortName(port: string): string[] {
  const errs: string[] = []
  if (byteLen(port) > 15) errs.push(maxLenError(15))
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)')
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)')
  if (port.includes('--')) errs.push('must not contain consecutive hyphens')
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen')
  return errs
}

const QUALIFIED_NAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'
const QUALIFIED_NAME_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const qualifiedName = new RegExp(`^${QUALIFIED_NAME_FMT}$`)

/** validation.IsQualifiedName (label keys, annotation keys, appProtocol). */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = []
  const parts = v.split('/')
  let name: string
  if (parts.length === 1) {
    name = parts[0]!
  } else if (parts.length === 2) {
    const prefix = parts[0]!
    name = parts[1]!
    if (prefix.length === 0) errs.push('prefix part must be non-empty')
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`))
  } else {
    return [
      `a qualified name ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]
  }
  if (name.length === 0) errs.push('name part must be non-empty')
  else if (byteLen(name) > 63) errs.push(`name part ${maxLenError(63)}`)
  if (!qualifiedName.test(name)) errs.push(`name part ${regexError(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, 'MyName', 'my.name', '123-abc')}`)
  return errs
}

const LABEL_VALUE_FMT = `(${QUALIFIED_NAME_FMT})?`
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
const labelValue = new RegExp(`^${LABEL_VALUE_FMT}$`)

/** validation.IsValidLabelValue. */
export function isValidLabelValue(v: string): string[] {
  const errs: string[] = []
  if (byteLen(v) > 63) errs.push(maxLenError(63))
  if (!labelValue.test(v)) errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'))
  return errs
}

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+'

/** validation.IsConfigMapKey (Secret data keys). */
export function isConfigMapKey(v: string): string[] {
  const errs: string[] = []
  if (byteLen(v) > 253) errs.push(maxLenError(253))
  if (!new RegExp(`^${CONFIG_KEY_FMT}$`).test(v)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'))
  }
  if (v === '.') errs.push("must not be '.'")
  else if (v === '..') errs.push("must not be '..'")
  else if (v.startsWith('..')) errs.push("must not start with '..'")
  return errs
}

const PERCENT_FMT = '[0-9]+%'

/** validation.IsValidPercent (Deployment maxSurge / maxUnavailable strings). */
export function isValidPercent(v: string): string[] {
  return new RegExp(`^${PERCENT_FMT}$`).test(v)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')]
}
