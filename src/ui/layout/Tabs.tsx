/**
 * A small WAI-ARIA tabs widget (automatic activation): arrow keys, Home and End move between tabs;
 * every panel stays mounted and the inactive ones are hidden.
 */
import { useId, useRef } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'

/** One tab and its panel. */
export interface TabSpec<T extends string> {
  id: T
  label: string
  panel: ReactNode
}

/** Tabs over panels; `selected` is controlled. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect }: { label: string; tabs: readonly TabSpec<T>[]; selected: T; onSelect(id: T): void }) {
  const base = useId()
  const refs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const last = tabs.length - 1
    const next = e.key === 'ArrowRight' ? (i === last ? 0 : i + 1) : e.key === 'ArrowLeft' ? (i === 0 ? last : i - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1
    if (next < 0) return
    e.preventDefault()
    onSelect(tabs[next]!.id)
    refs.current[next]?.focus()
  }
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => void (refs.current[i] = el)}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-controls={`${base}-panel-${t.id}`}
            aria-selected={t.id === selected}
            tabIndex={t.id === selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.id} role="tabpanel" id={`${base}-panel-${t.id}`} aria-labelledby={`${base}-tab-${t.id}`} hidden={t.id !== selected} className="tab-panel">
          {t.panel}
        </div>
      ))}
    </>
  )
}
