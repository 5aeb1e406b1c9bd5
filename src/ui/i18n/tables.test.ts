/**
 * Every table of UI texts has the same keys in English and Korean, no empty Korean text, and no
 * Korean text that is just the English one — except the tokens listed in SAME_IN_BOTH (names and
 * notations that read the same in Korean: curl, DNAT, `-k`, `#` …). Functions are called with
 * sample arguments and their results compared the same way.
 */
import { describe, expect, it } from 'vitest'
import type { Localized } from '../../i18n/lang.ts'
import { SAMPLE_SCENARIOS } from '../../scenarios/index.ts'
import { strings as compareStrings } from '../compare/strings.ts'
import { diagramStrings } from '../diagram/strings.ts'
import { editorStrings } from '../editor/strings.ts'
import { strings as inspectorStrings } from '../inspector/strings.ts'
import { shareStrings } from '../share/strings.ts'
import { SCENARIO_TOPICS_KO, strings as appStrings } from '../strings.ts'
import { terminalStrings } from '../terminal/strings.ts'

/** The tables written as `{ en, ko }` of two objects of one type. */
const TABLES: Record<string, Localized<unknown>> = {
  app: appStrings,
  editor: editorStrings,
  terminal: terminalStrings,
  compare: compareStrings,
  share: shareStrings,
  inspector: inspectorStrings,
  diagram: diagramStrings,
}

/**
 * Texts that are rightly the same in both languages (by path; `()` marks a function's result):
 * command-line flags, protocol and header names, iptables verdicts, kubectl's own words, numbers.
 */
const SAME_IN_BOTH = new Set<string>([
  'app.speedOption()',
  'app.insecure',
  'app.scenarioTopic()', // The sample argument is no scenario file: both return the topic given.
  'app.targetLabel()',
  'app.columns.ip',
  'app.hopKinds.dnat',
  'app.hopKinds.snat',
  'app.hopKinds.drop',
  'app.hopKinds.reject',
  'editor.markerSource',
  'terminal.tabLabel()',
  'compare.targetLabel()',
  'compare.side.curl',
  'compare.colNumber',
  'compare.statusPrefix()',
  'compare.cookieSent',
  'compare.cookieSet',
  'compare.tallyItem()',
  'share.earlierOption()',
  'inspector.tlsMark',
  'inspector.ingress.anyHost',
  'inspector.ingress.factLocation',
  'inspector.tls.sni',
  'inspector.tls.validityRange()',
  'inspector.responseStatus()',
  'diagram.kubeProxy',
  'diagram.dns',
  'diagram.nodeNotReady',
  'diagram.terminating',
  'diagram.pending',
  'diagram.hitsShort()',
  'diagram.traceVia()',
  'diagram.ingressAnyHost',
  'diagram.ingressAddress',
  'diagram.dnat',
  'diagram.snat',
  'diagram.drop',
  'diagram.reject',
])

/** Sample argument lists tried in turn until a function returns for both languages. */
const SAMPLE_ARGS: unknown[][] = [
  ['sample-a', 'sample-b', 'sample-c', 'sample-d'],
  [2, 3, 4, 5],
  [['sample-a', 'sample-b']],
]

interface Leaf {
  path: string
  en: string
  ko: string
}

/** Walks both trees together; records missing keys and type mismatches, returns the text leaves. */
function leaves(en: unknown, ko: unknown, path: string, problems: string[]): Leaf[] {
  if (typeof en === 'string') {
    if (typeof ko !== 'string') problems.push(`${path}: English is text, Korean is ${typeof ko}`)
    return typeof ko === 'string' ? [{ path, en, ko }] : []
  }
  if (typeof en === 'function') {
    if (typeof ko !== 'function') {
      problems.push(`${path}: English is a function, Korean is ${typeof ko}`)
      return []
    }
    for (const args of SAMPLE_ARGS) {
      try {
        const e: unknown = (en as (...a: unknown[]) => unknown)(...args)
        const k: unknown = (ko as (...a: unknown[]) => unknown)(...args)
        return leaves(e, k, `${path}()`, problems)
      } catch {
        // Try the next sample arguments.
      }
    }
    problems.push(`${path}: no sample arguments work`)
    return []
  }
  if (typeof en === 'object' && en !== null) {
    if (typeof ko !== 'object' || ko === null) {
      problems.push(`${path}: English is an object, Korean is ${typeof ko}`)
      return []
    }
    const ek = Object.keys(en).sort()
    const kk = Object.keys(ko).sort()
    for (const k of ek) if (!kk.includes(k)) problems.push(`${path}.${k}: missing in Korean`)
    for (const k of kk) if (!ek.includes(k)) problems.push(`${path}.${k}: only in Korean`)
    return ek.filter((k) => kk.includes(k)).flatMap((k) => leaves((en as Record<string, unknown>)[k], (ko as Record<string, unknown>)[k], `${path}.${k}`, problems))
  }
  problems.push(`${path}: unexpected ${typeof en}`)
  return []
}

describe('UI text tables (English and Korean)', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: same keys, Korean present and translated`, () => {
      const problems: string[] = []
      const all = leaves(table.en, table.ko, name, problems)
      expect(all.length).toBeGreaterThan(5)
      for (const l of all) {
        if (l.ko.trim() === '') problems.push(`${l.path}: empty Korean text`)
        else if (l.ko === l.en && !SAME_IN_BOTH.has(l.path)) problems.push(`${l.path}: Korean is the English text "${l.en}"`)
      }
      expect(problems).toEqual([])
    })
  }

  it('lists no path in SAME_IN_BOTH that differs (the list stays honest)', () => {
    const same = new Set<string>()
    for (const [name, table] of Object.entries(TABLES)) for (const l of leaves(table.en, table.ko, name, [])) if (l.en === l.ko) same.add(l.path)
    expect([...SAME_IN_BOTH].filter((p) => !same.has(p))).toEqual([])
  })

  it('the leaf walker reports a missing key, an empty text and an untranslated one', () => {
    const problems: string[] = []
    const all = leaves({ a: 'Open', b: 'Close', c: (n: number) => `${n} pods`, d: 'x' }, { a: '열기', b: '', c: (n: number) => `${n} pods` }, 't', problems)
    expect(problems).toEqual(['t.d: missing in Korean'])
    expect(all.map((l) => [l.path, l.ko === '' ? 'empty' : l.ko === l.en ? 'same' : 'ok'])).toEqual([
      ['t.a', 'ok'],
      ['t.b', 'empty'],
      ['t.c()', 'same'],
    ])
  })

  it('every sample scenario has a Korean topic for the picker', () => {
    const missing = SAMPLE_SCENARIOS.filter((s) => !SCENARIO_TOPICS_KO[s.file]).map((s) => s.file)
    expect(missing).toEqual([])
    expect(appStrings.ko.scenarioTopic('kubia-nodeport.yaml', 'NodePort')).toBe('NodePort 서비스')
    expect(appStrings.en.scenarioTopic('kubia-nodeport.yaml', 'NodePort')).toBe('NodePort')
  })
})
