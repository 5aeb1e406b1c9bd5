/**
 * What the `openssl` subcommands share: OpenSSL 3.0's error-queue lines, file reading and
 * writing with its messages, option parsing (`-opt value`, `--opt` accepted too), and its date
 * format.
 */
import { SIM_EPOCH_MS, formatTimestamp } from '../../util/time.ts'
import type { CommandCtx, Io } from '../command.ts'
import { resolvePath } from '../fs.ts'

/**
 * The thread id OpenSSL prints before every error-queue entry. A real process shows its own
 * (e.g. `40E7B4519E7F0000`); the playground keeps one so replays print the same text.
 */
const THREAD_ID = '40E7C2D1B57F0000'

/** An error-queue line: `<thread>:error:…`. */
export const libErr = (entry: string): string => `${THREAD_ID}:${entry}\n`

/** The two lines OSSL_STORE adds when a file to load does not exist. */
const storeNotFound = (file: string): string =>
  libErr('error:16000069:STORE routines:ossl_store_get0_loader_int:unregistered scheme:../crypto/store/store_register.c:237:scheme=file') +
  libErr(`error:80000002:system library:file_open:No such file or directory:../providers/implementations/storemgmt/file_store.c:266:calling stat(${file})`)

/** What loading a file gave: its text, or the stderr text OpenSSL prints (the caller adds its own trailer). */
export type Loaded = { text: string } | { stderr: string }

/**
 * Reads an input file as OSSL_STORE does for `-key` and `-in`: `what` is `private key` or
 * `certificate`. A missing file gives "Could not open file or uri for loading …" and the store's
 * lines; a directory "Could not read … from …".
 */
export function loadFile(ctx: CommandCtx, file: string, what: string): Loaded {
  const r = ctx.h.fs.read(resolvePath(ctx.session.cwd, file))
  if ('content' in r) return { text: r.content }
  if (r.error === 'No such file or directory') return { stderr: `Could not open file or uri for loading ${what} from ${file}\n${storeNotFound(file)}` }
  return { stderr: `Could not read ${what} from ${file}\n` }
}

/**
 * Writes an output file as BIO_new_file does; on failure, the text `req` and `x509` print
 * (`genrsa` prints only its first line, prefixed with `genrsa: `).
 */
export function writeFile(ctx: CommandCtx, file: string, content: string): { error: string; lib: string } | undefined {
  const err = ctx.h.fs.write(resolvePath(ctx.session.cwd, file), content, false)
  if (!err) return undefined
  const errno = err === 'Is a directory' ? '80000015:system library:BIO_new_file:Is a directory' : err === 'Not a directory' ? '80000014:system library:BIO_new_file:Not a directory' : '80000002:system library:BIO_new_file:No such file or directory'
  const second = err === 'No such file or directory' ? 'error:10000080:BIO routines:BIO_new_file:no such file:../crypto/bio/bss_file.c:75:' : 'error:10080002:BIO routines:BIO_new_file:system lib:../crypto/bio/bss_file.c:77:'
  return {
    error: `Can't open "${file}" for writing, ${err}\n`,
    lib: libErr(`error:${errno}:../crypto/bio/bss_file.c:67:calling fopen(${file}, w)`) + libErr(second),
  }
}

/** Options of one subcommand: which take a value. */
export interface OptionSpec {
  /** Options followed by a value (`-out FILE`). */
  valued: ReadonlySet<string>
  /** Options without a value. */
  flags: ReadonlySet<string>
}

/** Parsed options, in command-line order (x509 prints in that order). */
export interface ParsedOptions {
  opts: { name: string; value?: string }[]
  positional: string[]
}

/** Parses `-name [value]` options; an error text in OpenSSL's words for a missing value or unknown option. */
export function parseOptions(prog: string, args: string[], spec: OptionSpec, unknownOk = false): ParsedOptions | { error: string } {
  const out: ParsedOptions = { opts: [], positional: [] }
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (!a.startsWith('-') || a === '-') {
      out.positional.push(a)
      continue
    }
    const name = a.replace(/^--?/, '')
    if (spec.valued.has(name)) {
      const v = args[i + 1]
      if (v === undefined) return { error: `${prog}: Option -${name} needs a value\n${prog}: Use -help for summary.\n` }
      out.opts.push({ name, value: v })
      i++
    } else if (spec.flags.has(name) || unknownOk) {
      out.opts.push({ name })
    } else {
      return { error: `${prog}: Unknown option or message digest: ${name}\n${prog}: Use -help for summary.\n` }
    }
  }
  return out
}

/** The last value of an option, as OpenSSL keeps the last one given. */
export const optValue = (p: ParsedOptions, name: string): string | undefined => p.opts.filter((o) => o.name === name).pop()?.value

/** True when a flag was given. */
export const hasOpt = (p: ParsedOptions, ...names: string[]): boolean => p.opts.some((o) => names.includes(o.name))

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** ASN1_TIME_print's form: `Nov 21 06:54:44 2026 GMT` (day padded with a space). */
export function opensslDate(unixMs: number): string {
  const iso = formatTimestamp(unixMs - SIM_EPOCH_MS)
  const [date, time] = iso.slice(0, -1).split('T') as [string, string]
  const [y, m, d] = date.split('-') as [string, string, string]
  return `${MONTHS[Number(m) - 1]} ${String(Number(d)).padStart(2, ' ')} ${time} ${y} GMT`
}

/** Writes a result that has stderr text and an exit status. */
export function failWith(io: Io, text: string, code = 1): number {
  io.err(text)
  return code
}
