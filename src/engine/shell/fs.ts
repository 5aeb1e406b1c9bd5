/**
 * A host's file system as the shell sees it. Which files exist is a set of paths — for a pod it is
 * the container runtime's own set, the one exec probes read, so `touch /var/ready` flips a
 * `ls /var/ready` readiness probe. Contents written by the shell are kept beside it; files the
 * kubelet or Docker manage (/etc/hosts, /etc/resolv.conf, /etc/hostname) are generated from the
 * cluster until the shell overwrites them.
 */

/** A directory tree every host starts with (a Debian root file system, trimmed). */
const SKELETON_DIRS = [
  '/', '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var',
  '/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/usr/share',
  '/var/backups', '/var/cache', '/var/lib', '/var/local', '/var/lock', '/var/log', '/var/mail', '/var/opt', '/var/run', '/var/spool', '/var/tmp',
]
const SKELETON = new Set(SKELETON_DIRS)

/** Normalises a path against a working directory (`.`, `..`, repeated slashes). */
export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`
  const out: string[] = []
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue
    if (seg === '..') out.pop()
    else out.push(seg)
  }
  return `/${out.join('/')}`
}

const parentOf = (p: string) => (p.lastIndexOf('/') <= 0 ? '/' : p.slice(0, p.lastIndexOf('/')))
const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1)

/** Why a write or removal failed (the errno text tools print). */
export type FsError = 'No such file or directory' | 'Is a directory' | 'Not a directory' | 'File exists'

/** A host's files. Paths passed in are absolute and normalised (see resolvePath). */
export class HostFs {
  private readonly removed = new Set<string>()

  /**
   * @param paths paths that exist (shared with the container runtime for pods)
   * @param contents contents written through the shell
   * @param generated managed files, by path, computed when read
   * @param onWrite called after a file's content changed (e.g. a client's /etc/hosts)
   */
  constructor(
    private readonly paths: Set<string>,
    private readonly contents: Map<string, string>,
    private readonly generated: Readonly<Record<string, () => string>>,
    private readonly onWrite?: (path: string, content: string) => void,
  ) {}

  /** True for directories (the skeleton, created ones, and parents of existing files). */
  isDir(p: string): boolean {
    if (this.removed.has(p)) return false
    if (SKELETON.has(p) || this.paths.has(`${p}/`)) return true
    const prefix = p === '/' ? '/' : `${p}/`
    for (const f of this.paths) if (f.startsWith(prefix)) return true
    for (const f of this.contents.keys()) if (f.startsWith(prefix)) return true
    return false
  }

  /** True when the path is a file or a directory. */
  exists(p: string): boolean {
    return this.isDir(p) || this.isFile(p)
  }

  /** True for regular files. */
  isFile(p: string): boolean {
    if (this.contents.has(p)) return true
    if (this.removed.has(p)) return false
    if (this.generated[p]) return true
    return this.paths.has(p) && !SKELETON.has(p) && !this.hasChildren(p)
  }

  private hasChildren(p: string): boolean {
    for (const f of this.paths) if (f.startsWith(`${p}/`)) return true
    return false
  }

  /** A file's content, or the reason it cannot be read. */
  read(p: string): { content: string } | { error: FsError } {
    if (this.isDir(p)) return { error: 'Is a directory' }
    const c = this.contents.get(p)
    if (c !== undefined) return { content: c }
    if (this.removed.has(p)) return { error: 'No such file or directory' }
    const g = this.generated[p]
    if (g) return { content: g() }
    if (this.paths.has(p)) return { content: '' }
    return { error: 'No such file or directory' }
  }

  /** Writes (or appends to) a file; its directory must exist. */
  write(p: string, content: string, append: boolean): FsError | undefined {
    if (this.isDir(p)) return 'Is a directory'
    if (!this.isDir(parentOf(p))) return this.isFile(parentOf(p)) ? 'Not a directory' : 'No such file or directory'
    const before = append ? this.read(p) : undefined
    const next = before && 'content' in before ? before.content + content : content
    this.removed.delete(p)
    this.paths.add(p)
    this.contents.set(p, next)
    this.onWrite?.(p, next)
    return undefined
  }

  /** `touch`: creates an empty file when missing. */
  touch(p: string): FsError | undefined {
    if (this.exists(p)) return undefined
    if (!this.isDir(parentOf(p))) return 'No such file or directory'
    this.removed.delete(p)
    this.paths.add(p)
    return undefined
  }

  /** `mkdir`: creates a directory. */
  mkdir(p: string): FsError | undefined {
    if (this.exists(p)) return 'File exists'
    if (!this.isDir(parentOf(p))) return 'No such file or directory'
    this.removed.delete(p)
    this.paths.add(`${p}/`)
    return undefined
  }

  /** `rm` of a file (directories are refused, like rm without -r). */
  remove(p: string, recursive = false): FsError | undefined {
    if (this.isDir(p)) {
      if (!recursive) return 'Is a directory'
      for (const f of [...this.paths]) if (f === `${p}/` || f.startsWith(`${p}/`)) this.paths.delete(f)
      for (const f of [...this.contents.keys()]) if (f.startsWith(`${p}/`)) this.contents.delete(f)
      this.paths.delete(p)
      this.removed.add(p)
      return undefined
    }
    if (!this.isFile(p)) return 'No such file or directory'
    this.paths.delete(p)
    this.contents.delete(p)
    this.removed.add(p)
    return undefined
  }

  /** Names in a directory, sorted as `ls` sorts them in the C locale. */
  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : `${dir}/`
    const names = new Set<string>()
    const add = (f: string) => {
      if (!f.startsWith(prefix) || f === prefix) return
      const rest = f.slice(prefix.length).replace(/\/$/, '')
      const name = rest.split('/')[0]!
      if (name && !this.removed.has(prefix + name)) names.add(name)
    }
    for (const d of SKELETON_DIRS) add(d)
    for (const f of this.paths) add(f)
    for (const f of this.contents.keys()) add(f)
    for (const f of Object.keys(this.generated)) add(f)
    return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }

  /** The last path component. */
  static base(p: string): string {
    return baseName(p)
  }
}
