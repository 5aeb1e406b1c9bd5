/**
 * A node's generated kube-proxy ruleset (`iptables-save` / `nft list ruleset`) with syntax colour,
 * a substring filter, and the rule a hop matched highlighted and scrolled into view. Only the
 * visible rows are rendered (fixed row height), so 10k+ lines scroll as fast as 100.
 */
import { useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { CSSProperties } from 'react'
import type { Cause } from '../../engine/model/net.ts'
import { filterLines, findRuleLine, rulesetDialect, rulesetLines } from './ruleLookup.ts'
import type { RulesetDialect } from './ruleLookup.ts'
import type { Token } from './ruleTokens.ts'
import { tokenizeRuleLine } from './ruleTokens.ts'
import { strings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import './inspector.css'

/** Props of the rules view (default export). */
export interface RulesViewProps {
  /** The node whose ruleset to show. */
  node: string
  /** Nodes the user may switch to (a picker appears when there are two or more). */
  nodes?: readonly string[]
  onNodeChange?(node: string): void
  /** Fetches the ruleset text of a node. */
  loadRuleset(node: string): Promise<string>
  /** The cause whose rule to highlight (only meaningful for rules of `node`). */
  cause?: Cause
  /** Changing it reloads the text (e.g. the trace id: rules may have changed since the last one). */
  reloadKey?: string | number
  /** Bumping it scrolls to the matched rule and focuses the text (the inspector's "Show in ruleset"). */
  jump?: number
}

/** Rows rendered above and below the viewport. */
const OVERSCAN = 12
/** `tab-size` of the text (nft indents with tabs). */
const TAB = 4

/** The text (or error) loaded for `key`; `node` tells whether an older text may stay up while reloading. */
type LoadState = { key: string; node: string; text?: string; error?: string }

/** The text's widest line in characters, tabs expanded. */
function widestLine(lines: readonly string[]): number {
  let max = 0
  for (const l of lines) {
    let w = 0
    for (const c of l) w = c === '\t' ? w + TAB - (w % TAB) : w + 1
    if (w > max) max = w
  }
  return max
}

function LineText({ tokens }: { tokens: Token[] }) {
  return (
    <>
      {tokens.map((t, i) =>
        t.cls === 'plain' ? (
          t.text
        ) : (
          <span key={i} className={`tok-${t.cls}`}>
            {t.text}
          </span>
        ),
      )}
    </>
  )
}

/** The rules view. */
export default function RulesView({ node, nodes, onNodeChange, loadRuleset, cause, reloadKey, jump }: RulesViewProps) {
  const t = useStrings(strings)
  const id = useId()
  const key = `${node}\u0000${String(reloadKey ?? '')}`
  const [load, setLoad] = useState<LoadState>({ key: '', node: '' })
  const [filter, setFilter] = useState('')
  const [scrollTop, setScrollTop] = useState(0)
  const [viewH, setViewH] = useState(400)
  const [rowH, setRowH] = useState(22)
  const viewport = useRef<HTMLDivElement>(null)
  const probe = useRef<HTMLDivElement>(null)
  const root = useRef<HTMLElement>(null)

  // The latest loader, so a parent passing a new function each render does not cause reloads.
  const loader = useRef(loadRuleset)
  loader.current = loadRuleset

  useEffect(() => {
    let live = true
    // Another node's text must not stay up while this one loads; the same node's may (no flicker).
    setLoad((s) => (s.node === node ? s : { key: '', node }))
    loader.current(node).then(
      (text) => live && setLoad({ key, node, text }),
      (e: unknown) => live && setLoad({ key, node, error: e instanceof Error ? e.message : String(e) }),
    )
    return () => {
      live = false
    }
  }, [key, node])

  const text = load.text
  const loading = load.key !== key
  const view = useMemo(() => {
    const lines = text === undefined ? [] : rulesetLines(text)
    return {
      lines,
      lower: lines.map((l) => l.toLowerCase()),
      dialect: (text === undefined ? 'iptables' : rulesetDialect(text)) as RulesetDialect,
      width: widestLine(lines),
      tokens: new Map<number, Token[]>(),
    }
  }, [text])
  // Typing stays responsive on 10k+ lines: the list follows the filter a moment later if need be.
  const deferredFilter = useDeferredValue(filter)
  const shown = useMemo(() => filterLines(view.lower, deferredFilter), [view, deferredFilter])
  const matched = useMemo(() => findRuleLine(view.lines, cause), [view, cause])
  const matchedPos = useMemo(() => (matched < 0 ? -1 : shown.indexOf(matched)), [shown, matched])

  // Row height follows the font size (large text): measure a probe row on every render.
  useLayoutEffect(() => {
    const h = probe.current?.getBoundingClientRect().height
    if (h && Math.abs(h - rowH) > 0.1) setRowH(h)
    const v = viewport.current?.clientHeight
    if (v && v !== viewH) setViewH(v)
  })

  useEffect(() => {
    const el = viewport.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => setViewH(el.clientHeight))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const scrollToMatch = (focus: boolean) => {
    const el = viewport.current
    if (!el || matchedPos < 0) return
    el.scrollTop = Math.max(0, matchedPos * rowH - (el.clientHeight - rowH) / 2)
    setScrollTop(el.scrollTop)
    if (focus) {
      root.current?.scrollIntoView({ block: 'nearest' })
      el.focus({ preventScroll: true })
    }
  }

  // Centre the matched rule when the text, the rule or the row height changes (not on filter
  // keystrokes: those start from the top). scrollToMatch reads the latest render's values.
  useLayoutEffect(() => scrollToMatch(false), [view, matched, rowH])

  // A jump (the inspector's "Show in ruleset") waits for the text, clears a filter that hides the
  // rule, then scrolls and moves focus to the text.
  const [ownJump, setOwnJump] = useState(0)
  const pendingJump = useRef(false)
  const lastJump = useRef(`${jump}/0`)
  useLayoutEffect(() => {
    const j = `${jump}/${ownJump}`
    if (j !== lastJump.current) {
      lastJump.current = j
      pendingJump.current = true
    }
    if (!pendingJump.current || text === undefined) return
    if (matched < 0) pendingJump.current = false
    else if (matchedPos < 0) setFilter('')
    else {
      pendingJump.current = false
      scrollToMatch(true)
    }
  }, [jump, ownJump, text, matched, matchedPos])

  const onFilter = (value: string) => {
    setFilter(value)
    if (viewport.current) viewport.current.scrollTop = 0
    setScrollTop(0)
  }

  const first = Math.max(0, Math.floor(scrollTop / rowH) - OVERSCAN)
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewH) / rowH) + OVERSCAN)
  const gutter = String(view.lines.length).length + 1
  const rows = []
  for (let k = first; k < last; k++) {
    const i = shown[k]
    let tokens = view.tokens.get(i)
    if (!tokens) {
      tokens = tokenizeRuleLine(view.lines[i], view.dialect)
      view.tokens.set(i, tokens)
    }
    rows.push(
      <div key={i} className={`rv-line${i === matched ? ' matched' : ''}`}>
        <span className="rv-ln" aria-hidden="true">
          {i + 1}
        </span>
        <span className="rv-code">
          <LineText tokens={tokens} />
        </span>
      </div>,
    )
  }

  return (
    <section ref={root} className="rules-view" aria-labelledby={`${id}-title`} aria-busy={loading}>
      <div className="rv-toolbar">
        <h3 id={`${id}-title`} className="rv-title">
          {t.rulesHeading(node)}
        </h3>
        {nodes && nodes.length > 1 && onNodeChange && (
          <label className="rv-field">
            <span>{t.rulesNode}</span>
            <select value={node} onChange={(e) => onNodeChange(e.target.value)}>
              {nodes.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="rv-field rv-filter">
          <span>{t.rulesFilter}</span>
          <input type="search" value={filter} placeholder={t.rulesFilterPlaceholder} onChange={(e) => onFilter(e.target.value)} spellCheck={false} />
        </label>
      </div>
      <div className="rv-status">
        <span role="status">
          {load.error ? (
            <span className="rv-error">
              {t.rulesFailed} {load.error}
            </span>
          ) : text === undefined ? (
            t.rulesLoading
          ) : (
            t.rulesCount(shown.length, view.lines.length)
          )}
        </span>
        {text !== undefined &&
          cause?.rule &&
          (matched >= 0 ? (
            <button type="button" className="hi-button rv-jump" onClick={() => setOwnJump((n) => n + 1)}>
              {t.rulesMatched(matched + 1)}
              <span className="visually-hidden"> — {t.rulesJump}</span>
            </button>
          ) : (
            <span className="rv-missing">{t.rulesNotFound}</span>
          ))}
      </div>
      <div
        ref={viewport}
        className="rv-viewport"
        tabIndex={0}
        role="region"
        aria-label={t.rulesTextLabel(node)}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        style={{ '--rv-gutter': `${gutter}ch` } as CSSProperties}
      >
        <div className="rv-probe rv-line" ref={probe} aria-hidden="true">
          <span className="rv-code">0</span>
        </div>
        <div className="rv-spacer" style={{ height: shown.length * rowH, minWidth: `calc(${view.width + gutter + 3}ch)` }}>
          <div className="rv-window" style={{ transform: `translateY(${first * rowH}px)` }}>
            {rows}
          </div>
        </div>
        {text !== undefined && shown.length === 0 && <p className="rv-empty">{t.rulesEmpty}</p>}
      </div>
    </section>
  )
}
