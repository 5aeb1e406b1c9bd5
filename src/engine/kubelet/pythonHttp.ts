/**
 * `python -m http.server` in the official python images (Lib/http/server.py of Python 3.14, the
 * `python:3` tag): how the container's command line starts it (argparse: `[port] [-b ADDRESS]
 * [-d DIRECTORY] [-p VERSION]`), which address its socket binds, and what it answers — the
 * directory listing of the directory it serves, "404 File not found" for anything else — with the
 * status line, headers and stderr log lines SimpleHTTPRequestHandler writes.
 *
 * The classic localhost mistake: `--bind 127.0.0.1` makes the socket accept connections to
 * 127.0.0.1 only, so the pod IP (a Service's endpoint, the kubelet's probes) is refused, while
 * `curl localhost:8080` inside the pod works. Without --bind it binds 0.0.0.0: every address.
 */
import type { Container } from '../model/k8s.ts'
import { formatTimestamp } from '../util/time.ts'
import { utf8Bytes } from '../util/utf8.ts'

/** The Python release the `python:3` tag carried when this was modelled (sys.version.split()[0]). */
export const PYTHON_VERSION = '3.14.3'

/** SimpleHTTPRequestHandler.version_string(): `server_version + ' ' + sys_version`. */
export const PYTHON_SERVER_HEADER = `SimpleHTTP/0.6 Python/${PYTHON_VERSION}`

/** The container field an argument came from (where the explainer points). */
export type ArgField = 'command' | 'args'

/** How `python -m http.server` was started in a container. */
export interface PythonHttpServer {
  port: number
  /** getsockname()[0] of the listening socket: `0.0.0.0` without --bind, else the address --bind named. */
  address: string
  /** The container field that holds the --bind option (absent without one). */
  bindField?: ArgField
  /** The handler's protocol_version (-p; default HTTP/1.0): the status line's version. */
  protocol: string
  /** The directory it serves (-d; default the working directory, `/` in the python images). */
  directory: string
  /** stdout unbuffered (-u or PYTHONUNBUFFERED): only then does "Serving HTTP on …" reach the log. */
  unbuffered: boolean
  /** The image's base: Debian (python:3, -slim) or Alpine (python:3-alpine). */
  variant: 'debian' | 'alpine'
}

interface Arg {
  value: string
  field: ArgField
}

/** Splits an `sh -c` script into words (single and double quotes, no expansions). */
function shellWords(script: string): string[] {
  const out: string[] = []
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g
  for (const m of script.matchAll(re)) out.push(m[1] ?? m[2]?.replace(/\\(.)/g, '$1') ?? m[3]!)
  return out
}

/**
 * The argv the container runs, each word tagged with its field. The python images have no
 * ENTRYPOINT and CMD ["python3"], so `args` alone is the whole command line. An `sh -c` script
 * is split into words; its first simple command that runs python is taken (after `exec`).
 */
function argvOf(c: Container): Arg[] {
  const cmd: Arg[] = (c.command ?? []).map((value) => ({ value, field: 'command' as const }))
  const args: Arg[] = (c.args ?? []).map((value) => ({ value, field: 'args' as const }))
  const argv = c.command ? [...cmd, ...args] : args.length ? args : [{ value: 'python3', field: 'command' as const }]
  const shell = /^(.*\/)?(sh|bash|ash|dash)$/.test(argv[0]?.value ?? '')
  if (!shell || argv[1]?.value !== '-c' || argv[2] === undefined) return argv
  const script = argv[2]
  for (const part of script.value.split(/&&|\|\||;|\n/)) {
    const words = shellWords(part)
    if (words[0] === 'exec') words.shift()
    if (isPython(words[0])) return words.map((value) => ({ value, field: script.field }))
  }
  return []
}

const isPython = (word: string | undefined): boolean => word !== undefined && /^(.*\/)?python(3(\.\d+)?)?$/.test(word)

/** The module run by `python [options] -m module`, and the module's own arguments. */
function moduleOf(argv: Arg[]): { module: string; rest: Arg[]; unbuffered: boolean } | undefined {
  if (!isPython(argv[0]?.value)) return undefined
  let unbuffered = false
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!.value
    // A script, `-` (stdin) or a long option (--help, --version…) does not start the module.
    if (!a.startsWith('-') || a === '-' || a.startsWith('--')) return undefined
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]!
      if (ch === 'u') unbuffered = true
      else if (ch === 'c' || ch === 'h' || ch === 'V' || ch === '?') return undefined
      else if (ch === 'm') {
        const inline = a.slice(j + 1)
        const module = inline || argv[i + 1]?.value
        if (module === undefined) return undefined
        return { module, rest: argv.slice(inline ? i + 1 : i + 2), unbuffered }
      } else if (ch === 'X' || ch === 'W') {
        // These take a value: the rest of this word, or the next word.
        if (j === a.length - 1) i++
        break
      }
    }
  }
  return undefined
}

/** The http.server CLI's options (server.py `if __name__ == '__main__'`, Python 3.14). */
const LONG = ['--cgi', '--bind', '--directory', '--protocol', '--tls-cert', '--tls-key', '--tls-password-file', '--help']
const TAKES_VALUE = new Set(['--bind', '--directory', '--protocol', '--tls-cert', '--tls-key', '--tls-password-file'])
const SHORT: Record<string, string> = { '-b': '--bind', '-d': '--directory', '-p': '--protocol', '-h': '--help' }

/** argparse's parse_args over http.server's options; undefined where argparse would exit (an error, --help). */
function parseServerArgs(rest: Arg[]): { values: Map<string, Arg>; port?: string } | undefined {
  const values = new Map<string, Arg>()
  const positional: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const { value: a, field } = rest[i]!
    if (a === '--') {
      positional.push(...rest.slice(i + 1).map((x) => x.value))
      break
    }
    if (!a.startsWith('-') || a === '-' || /^-\d/.test(a)) {
      positional.push(a)
      continue
    }
    let name: string | undefined
    let inline: string | undefined
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const given = eq >= 0 ? a.slice(0, eq) : a
      if (eq >= 0) inline = a.slice(eq + 1)
      // allow_abbrev: a unique prefix of a long option names it.
      const hits = LONG.includes(given) ? [given] : LONG.filter((o) => o.startsWith(given))
      if (hits.length !== 1) return undefined
      name = hits[0]
    } else {
      name = SHORT[a.slice(0, 2)]
      if (!name) return undefined
      if (a.length > 2) inline = a[2] === '=' ? a.slice(3) : a.slice(2)
    }
    if (name === '--help') return undefined
    if (!TAKES_VALUE.has(name!)) {
      if (inline !== undefined) return undefined
      values.set(name!, { value: '', field })
      continue
    }
    if (inline !== undefined) {
      values.set(name!, { value: inline, field })
      continue
    }
    const next = rest[i + 1]
    if (next === undefined || next.value.startsWith('-')) return undefined
    values.set(name!, next)
    i++
  }
  if (positional.length > 1) return undefined
  return positional[0] === undefined ? { values } : { values, port: positional[0] }
}

/**
 * The address the server's socket binds: `_get_best_family(bind, port)` takes getaddrinfo's first
 * answer. With no --bind, getaddrinfo(None, port, AI_PASSIVE) answers 0.0.0.0 before `::` (glibc
 * and musl alike), so the server prints "Serving HTTP on 0.0.0.0 port …". `localhost` is taken as
 * 127.0.0.1 (the pod's hosts file lists it; glibc may prefer ::1, which the IPv4-only playground
 * cannot reach). Other names do not resolve in this model: the server would exit with
 * socket.gaierror.
 */
function bindAddress(bind: string | undefined): string | undefined {
  if (bind === undefined || bind === '') return '0.0.0.0'
  if (bind === 'localhost') return '127.0.0.1'
  const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bind)
  if (quad) return quad.slice(1).every((o) => Number(o) <= 255) ? quad.slice(1).map(Number).join('.') : undefined
  if (/^[0-9a-fA-F:]+$/.test(bind) && bind.includes(':')) return bind.toLowerCase()
  return undefined
}

/** Python's int() of a port argument (`8080`, ` +8080 `, `8_080`); undefined when argparse rejects it or bind would fail. */
function portOf(s: string | undefined): number | undefined {
  if (s === undefined) return 8000
  if (!/^\s*\+?\d+(_\d+)*\s*$/.test(s)) return undefined
  const n = Number(s.replace(/[\s+_]/g, ''))
  return n >= 1 && n <= 65535 ? n : undefined
}

/** The image's base, from its tag (`python:3-alpine`, `python:3.14-alpine3.22` → Alpine). */
function variantOf(image: string): 'debian' | 'alpine' {
  const tag = image.split('@')[0]!.split('/').pop()!.split(':')[1] ?? ''
  return tag.includes('alpine') ? 'alpine' : 'debian'
}

/**
 * `python -m http.server …` as this container runs it, or undefined when it runs something else
 * (or arguments argparse would reject, where the real server exits at once).
 */
export function pythonHttpServer(c: Container): PythonHttpServer | undefined {
  const m = moduleOf(argvOf(c))
  if (!m || m.module !== 'http.server') return undefined
  const parsed = parseServerArgs(m.rest)
  if (!parsed) return undefined
  const port = portOf(parsed.port)
  const bind = parsed.values.get('--bind')
  const address = bindAddress(bind?.value)
  if (port === undefined || address === undefined) return undefined
  // PYTHONUNBUFFERED: "If this is set to a non-empty string it is equivalent to specifying the -u option."
  const envUnbuffered = (c.env ?? []).some((e) => e.name === 'PYTHONUNBUFFERED' && (e.value ?? '') !== '')
  const directory = parsed.values.get('--directory')?.value || c.workingDir || '/'
  return {
    port,
    address,
    ...(bind && bind.value !== '' ? { bindField: bind.field } : {}),
    protocol: parsed.values.get('--protocol')?.value ?? 'HTTP/1.0',
    directory,
    unbuffered: m.unbuffered || envUnbuffered,
    variant: variantOf(c.image ?? ''),
  }
}

/** test()'s first line: `Serving HTTP on <host> port <port> (http://<host>:<port>/) ...` (stdout). */
export function servingLine(s: PythonHttpServer): string {
  const urlHost = s.address.includes(':') ? `[${s.address}]` : s.address
  return `Serving HTTP on ${s.address} port ${s.port} (http://${urlHost}:${s.port}/) ...`
}

/** One entry of `/`: a directory, or a symbolic link to one (Debian's merged /usr: bin → usr/bin). */
interface RootEntry {
  name: string
  link: boolean
}

const dir = (name: string): RootEntry => ({ name, link: false })
const link = (name: string): RootEntry => ({ name, link: true })

/** `ls /` in a pod of the Debian-based python image (trixie, amd64, merged /usr), in lower-case order. */
const DEBIAN_ROOT: readonly RootEntry[] = [
  link('bin'), dir('boot'), dir('dev'), dir('etc'), dir('home'), link('lib'), link('lib64'), dir('media'), dir('mnt'),
  dir('opt'), dir('proc'), dir('root'), dir('run'), link('sbin'), dir('srv'), dir('sys'), dir('tmp'), dir('usr'), dir('var'),
]

/** `ls /` in a pod of the Alpine-based python image. */
const ALPINE_ROOT: readonly RootEntry[] = ['bin', 'dev', 'etc', 'home', 'lib', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'].map(dir)

/** html.escape(s, quote=False). */
const escapeHtml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/**
 * SimpleHTTPRequestHandler.list_directory: the page for a directory without index.html. Entries
 * sorted by lower-cased name; a directory gets a trailing `/`, a symbolic link an `@` (a link to
 * a directory still links with `/`); lines joined by `\n`. Only `/` is modelled; another served
 * directory is listed empty.
 */
export function directoryListing(s: PythonHttpServer, displayPath: string): string {
  const entries = s.directory === '/' ? (s.variant === 'alpine' ? ALPINE_ROOT : DEBIAN_ROOT) : []
  const title = `Directory listing for ${escapeHtml(displayPath)}`
  const r = [
    '<!DOCTYPE HTML>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<style type="text/css">\n:root {\ncolor-scheme: light dark;\n}\n</style>',
    `<title>${title}</title>\n</head>`,
    `<body>\n<h1>${title}</h1>`,
    '<hr>\n<ul>',
  ]
  for (const e of entries) r.push(`<li><a href="${e.name}/">${e.name}${e.link ? '@' : '/'}</a></li>`)
  r.push('</ul>\n<hr>\n</body>\n</html>\n')
  return r.join('\n')
}

/** BaseHTTPRequestHandler's DEFAULT_ERROR_MESSAGE (Python 3.14) for a code, message and explanation. */
export function errorPage(code: number, message: string, explain: string): string {
  return `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <style type="text/css">
            :root {
                color-scheme: light dark;
            }
        </style>
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: ${code}</p>
        <p>Message: ${escapeHtml(message)}.</p>
        <p>Error code explanation: ${code} - ${escapeHtml(explain)}.</p>
    </body>
</html>
`
}

/** What the server answers for a GET of `target`: status, the status line's reason, headers after Server and Date, body. */
export interface PythonAnswer {
  status: number
  reason: string
  headers: [string, string][]
  body: string
}

/**
 * send_head for a GET of `target` (path with optional query): the directory it serves for `/`
 * (the listing, `Content-type: text/html; charset=utf-8`); anything else is `send_error(404,
 * "File not found")` — the reason phrase is that message, with `Connection: close`.
 */
export function pythonAnswer(s: PythonHttpServer, target: string): PythonAnswer {
  const path = target.split('#', 1)[0]!.split('?', 1)[0]!
  if (path === '/' || path === '') {
    const body = directoryListing(s, '/')
    return { status: 200, reason: 'OK', headers: [['Content-type', 'text/html; charset=utf-8'], ['Content-Length', String(utf8Bytes(body).length)]], body }
  }
  const body = errorPage(404, 'File not found', 'Nothing matches the given URI')
  return {
    status: 404,
    reason: 'File not found',
    headers: [['Connection', 'close'], ['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', String(utf8Bytes(body).length)]],
    body,
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** log_date_time_string(): `%02d/%3s/%04d %02d:%02d:%02d` in the container's local time (UTC). */
export function logDateTime(simMs: number): string {
  const iso = formatTimestamp(simMs)
  const [date, time] = iso.slice(0, -1).split('T') as [string, string]
  const [y, m, d] = date.split('-') as [string, string, string]
  return `${d}/${MONTHS[Number(m) - 1]}/${y} ${time}`
}

/**
 * The stderr lines one request leaves (log_message: `<client> - - [<time>] <message>`; stderr is
 * line-buffered, so they reach `kubectl logs` at once): send_error logs `code 404, message File
 * not found` first, then send_response logs the request line, the status and `-` (the size is
 * never passed). An IPv4 client of a socket bound to an IPv6 address (`--bind ::`) is reported
 * as an IPv4-mapped address.
 */
export function requestLogLines(s: PythonHttpServer, clientIp: string, simMs: number, requestLine: string, answer: PythonAnswer): string[] {
  const client = s.address.includes(':') && !clientIp.includes(':') ? `::ffff:${clientIp}` : clientIp
  const prefix = `${client} - - [${logDateTime(simMs)}]`
  const out: string[] = []
  if (answer.status >= 400) out.push(`${prefix} code ${answer.status}, message ${answer.reason}`)
  out.push(`${prefix} "${requestLine}" ${answer.status} -`)
  return out
}
