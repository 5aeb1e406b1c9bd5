/**
 * The hops of one trace as a single-select listbox: the list holds focus and points at the
 * selected hop with aria-activedescendant; arrows, Home/End and PageUp/PageDown move the selection.
 */
import { useEffect, useId, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import type { Trace } from '../../engine/model/net.ts'
import { formatLocation, hopKindLabel } from '../format.ts'
import { isIngressDecision } from '../diagram/ingressHop.ts'
import { TlsMark } from './HopDetails.tsx'
import { hopSummary } from './hopView.ts'
import { strings } from './strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useLang } from '../i18n/useLang.ts'

/** Props of the hop list. */
export interface HopListProps {
  trace: Trace
  hop: number | undefined
  onSelectHop(hop: number): void
}

/** Where a key moves the selection, or undefined when the key is not ours. */
function nextHop(key: string, hop: number | undefined, n: number): number | undefined {
  const page = 5
  switch (key) {
    case 'ArrowDown':
      return hop === undefined ? 0 : Math.min(n - 1, hop + 1)
    case 'ArrowUp':
      return hop === undefined ? n - 1 : Math.max(0, hop - 1)
    case 'Home':
      return 0
    case 'End':
      return n - 1
    case 'PageDown':
      return Math.min(n - 1, (hop ?? -1) + page)
    case 'PageUp':
      return Math.max(0, (hop ?? n) - page)
    default:
      return undefined
  }
}

/** The listbox of hops. */
export function HopList({ trace, hop, onSelectHop }: HopListProps) {
  const t = useStrings(strings)
  const lang = useLang()
  const id = useId()
  const listRef = useRef<HTMLOListElement>(null)
  const n = trace.hops.length
  const optionId = (i: number) => `${id}-hop-${i}`

  useEffect(() => {
    if (hop === undefined) return
    document.getElementById(`${id}-hop-${hop}`)?.scrollIntoView({ block: 'nearest' })
  }, [hop, trace.id, id])

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const next = nextHop(e.key, hop, n)
    if (next === undefined || n === 0) return
    e.preventDefault()
    if (next !== hop) onSelectHop(next)
  }

  return (
    <div className="hi-hops">
      <p id={`${id}-hint`} className="visually-hidden">
        {t.hopsHint}
      </p>
      <ol
        ref={listRef}
        className="hi-hop-list"
        role="listbox"
        tabIndex={0}
        aria-label={t.hopsLabel}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={hop !== undefined ? optionId(hop) : undefined}
        onKeyDown={onKeyDown}
      >
        {trace.hops.map((h, i) => (
          <li
            key={i}
            id={optionId(i)}
            role="option"
            aria-selected={i === hop}
            className={`hi-hop${i === hop ? ' selected' : ''}${h.reply ? ' reply' : ''}${h.extraHop ? ' extra' : ''}`}
            onClick={() => {
              onSelectHop(i)
              listRef.current?.focus({ preventScroll: true })
            }}
          >
            <span className="hi-hop-idx" aria-hidden="true">
              {i + 1}
            </span>
            <span className="hi-hop-main">
              <span className="hi-hop-head">
                <span className="hi-hop-loc">{formatLocation(h.at, lang)}</span>
                <span className={`hi-kind hi-kind-${h.kind}`}>{hopKindLabel(h.kind, lang)}</span>
                {h.reply && <span className="hi-mark hi-mark-reply">↩ {t.reply}</span>}
                {h.extraHop && <span className="hi-mark hi-mark-extra">{t.extraHop}</span>}
                {isIngressDecision(h) && <span className="hi-mark hi-mark-routing">{t.routingMark}</span>}
                <TlsMark hop={h} />
              </span>
              <span className="hi-hop-sum">{hopSummary(h, (l) => formatLocation(l, lang))}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
