/**
 * iptables rule text in two spellings:
 *  - `input`: the line kube-proxy feeds to iptables-restore (pkg/proxy/iptables/proxier.go), which is
 *    what upstream's proxier_test.go expected dumps contain;
 *  - `text`: the line `iptables-save` prints back: addresses with a prefix length, `-s`/`-d`/`-p`
 *    first, each `-m` module with its options, comments quoted by xtables_save_string, MARK as
 *    `--set-xmark`, REJECT with its default `--reject-with`, probabilities as the kernel stores them.
 */
import { savedProbability } from './decimal.ts'
import type { Match, Target } from './types.ts'

const hex = (n: number): string => `0x${n.toString(16)}`

/** kube-proxy writes a comment in double quotes when it contains a space. */
function inputComment(text: string): string {
  return text.includes(' ') ? `"${text}"` : text
}

/** xtables_save_string: bare when only [_-0-9A-Za-z], otherwise double-quoted with escapes. */
export function saveString(text: string): string {
  if (/^[_\-0-9A-Za-z]+$/.test(text)) return text
  return `"${text.replace(/["\\']/g, (c) => '\\' + c)}"`
}

/** iptables-save prints a bare address as a /32 network. */
function saveAddr(cidr: string): string {
  return cidr.includes('/') ? cidr : `${cidr}/32`
}

function matchInput(m: Match): string {
  switch (m.kind) {
    case 'comment':
      return `-m comment --comment ${inputComment(m.text)}`
    case 'proto':
      return `-m ${m.proto} -p ${m.proto}`
    case 'dport':
      return `--dport ${m.port}`
    case 'dst':
      return `${m.negate ? '! ' : ''}-d ${m.cidr}`
    case 'src':
      return `${m.negate ? '! ' : ''}-s ${m.cidr}`
    case 'addrtype':
      return `-m addrtype --${m.field === 'saddr' ? 'src' : 'dst'}-type LOCAL`
    case 'mark':
      return `-m mark ${m.negate ? '! ' : ''}--mark ${hex(m.mark)}/${hex(m.mark)}`
    case 'statistic':
      return `-m statistic --mode random --probability ${m.probability}`
    case 'recentCheck':
      return `-m recent --name ${m.list} --rcheck --seconds ${m.seconds} --reap`
    case 'recentSet':
      return `-m recent --name ${m.list} --set`
    case 'ctstate':
      return `-m conntrack ${m.negate ? '! ' : ''}--ctstate ${m.states.join(',')}`
    case 'multiport':
      return `-m multiport -p ${m.proto} --destination-ports ${m.ports.join(',')}`
    case 'addrSet':
    case 'setLookup':
      throw new Error(`iptables rule cannot hold nft match ${m.kind}`)
  }
}

function targetInput(t: Target): string {
  switch (t.kind) {
    case 'jump':
      return `-j ${t.chain}`
    case 'goto':
      return `-g ${t.chain}`
    case 'return':
      return '-j RETURN'
    case 'dnat':
      return `-j DNAT --to-destination ${t.ip}:${t.port}`
    case 'markOr':
      return `-j MARK --or-mark ${hex(t.mark)}`
    case 'markXor':
      return `-j MARK --xor-mark ${hex(t.mark)}`
    case 'setXmark':
      return `-j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`
    case 'masquerade':
      return t.randomFully ? '-j MASQUERADE --random-fully' : '-j MASQUERADE'
    case 'reject':
      return '-j REJECT'
    case 'drop':
      return '-j DROP'
    case 'accept':
      return '-j ACCEPT'
    case 'none':
      return ''
    default:
      throw new Error(`iptables rule cannot hold nft target ${t.kind}`)
  }
}

function targetSave(t: Target): string {
  switch (t.kind) {
    case 'markOr':
      return `-j MARK --set-xmark ${hex(t.mark)}/${hex(t.mark)}`
    case 'markXor':
      return `-j MARK --set-xmark ${hex(t.mark)}/0x0`
    case 'reject':
      return '-j REJECT --reject-with icmp-port-unreachable'
    default:
      return targetInput(t)
  }
}

/** The rule as kube-proxy writes it for iptables-restore. */
export function iptablesInputLine(chain: string, matches: Match[], target: Target): string {
  return [`-A ${chain}`, ...matches.map(matchInput), targetInput(target)].filter((s) => s !== '').join(' ')
}

/** The rule as `iptables-save` prints it. */
export function iptablesSaveLine(chain: string, matches: Match[], target: Target): string {
  const parts = [`-A ${chain}`]
  const src = matches.find((m) => m.kind === 'src')
  const dst = matches.find((m) => m.kind === 'dst')
  const proto = matches.find((m) => m.kind === 'proto' || m.kind === 'multiport')
  const dport = matches.find((m) => m.kind === 'dport')
  if (src?.kind === 'src') parts.push(`${src.negate ? '! ' : ''}-s ${saveAddr(src.cidr)}`)
  if (dst?.kind === 'dst') parts.push(`${dst.negate ? '! ' : ''}-d ${saveAddr(dst.cidr)}`)
  // `-p` is part of the rule's IP header match, so iptables-save prints it before every `-m`.
  if (proto?.kind === 'proto' || proto?.kind === 'multiport') parts.push(`-p ${proto.proto}`)
  for (const m of matches) {
    switch (m.kind) {
      case 'comment':
        parts.push(`-m comment --comment ${saveString(m.text)}`)
        break
      case 'proto':
        parts.push(dport?.kind === 'dport' ? `-m ${m.proto} --dport ${dport.port}` : `-m ${m.proto}`)
        break
      case 'statistic':
        parts.push(`-m statistic --mode random --probability ${savedProbability(m.probability)}`)
        break
      case 'recentCheck':
        // libxt_recent recent_save: flags, --seconds, --reap, --name, --mask, --rsource.
        parts.push(`-m recent --rcheck --seconds ${m.seconds} --reap --name ${m.list} --mask 255.255.255.255 --rsource`)
        break
      case 'recentSet':
        parts.push(`-m recent --set --name ${m.list} --mask 255.255.255.255 --rsource`)
        break
      case 'multiport':
        // libxt_multiport multiport_save: `--destination-ports` is saved as `--dports`.
        parts.push(`-m multiport --dports ${m.ports.join(',')}`)
        break
      case 'src':
      case 'dst':
      case 'dport':
        break
      default:
        parts.push(matchInput(m))
    }
  }
  const t = targetSave(target)
  if (t) parts.push(t)
  return parts.join(' ')
}
