/**
 * The prompt of each kind of tab, as the hosts' shells print it: `$ ` on the workstation,
 * `root@<pod>:/# ` in a pod (containers run as root in `/`), `root@<node>:/# ` on a kind node,
 * `user@<client>:~$ ` on an external client. Coloured like Debian's colour prompt (bold green
 * user@host, bold blue directory), using ANSI colours the terminal theme adapts to light and dark.
 */
import type { TerminalHost } from '../../worker/protocol.ts'
import { textWidth } from './render.ts'

/** A prompt: as written (with colours) and how many cells it takes. */
export interface Prompt {
  ansi: string
  text: string
  width: number
}

const GREEN = '\x1b[1;32m'
const BLUE = '\x1b[1;34m'
const RESET = '\x1b[0m'

function make(parts: readonly (readonly [string, string])[]): Prompt {
  const text = parts.map(([t]) => t).join('')
  const ansi = parts.map(([t, colour]) => (colour ? `${colour}${t}${RESET}` : t)).join('')
  return { ansi, text, width: textWidth(text) }
}

/** The prompt of a tab on `host`. */
export function promptFor(host: TerminalHost): Prompt {
  switch (host.kind) {
    case 'workstation':
      return make([['$ ', '']])
    case 'pod':
    case 'node':
      return make([[`root@${host.name}`, GREEN], [':', ''], ['/', BLUE], ['# ', '']])
    case 'client':
      return make([[`user@${host.name}`, GREEN], [':', ''], ['~', BLUE], ['$ ', '']])
  }
}

/**
 * A prompt the host's shell reported (e.g. `root@kubia-4h852:/var#` after `cd /var`), coloured
 * like promptFor's when it has the usual `user@host:dir#` shape, and always followed by one space.
 */
export function promptFromText(text: string): Prompt {
  const t = text.trimEnd()
  const m = /^([^@\s]+@[^:\s]+):(\S*?)([#$>])$/.exec(t)
  if (!m) return make([[`${t} `, '']])
  return make([[m[1]!, GREEN], [':', ''], [m[2]!, BLUE], [`${m[3]} `, '']])
}
