/**
 * A splitter between two panes (WAI-ARIA "window splitter"): drag it with the pointer, or focus it
 * and use the arrow keys (Home/End for the limits). Its value is the controlled pane's width (or,
 * for a pane below it, height) in percent of the container.
 */
import { useRef } from 'react'
import type { KeyboardEvent, PointerEvent } from 'react'
import { PANE_LIMITS } from '../../store/sessionSlice.ts'

/** Percent one arrow key press moves the separator. */
const KEY_STEP = 2

/** Props of PaneSeparator. */
export interface PaneSeparatorProps {
  /** id of the pane whose width this separator sets. */
  controls: string
  label: string
  /** The controlled pane's width, percent. */
  value: number
  /** Which side of the separator the controlled pane is on (dragging towards it shrinks it); `bottom` makes it horizontal. */
  side: 'left' | 'right' | 'bottom'
  onChange(percent: number): void
}

/** The splitter. */
export function PaneSeparator({ controls, label, value, side, onChange }: PaneSeparatorProps) {
  const dragging = useRef(false)
  const grow = side === 'left' ? 'ArrowRight' : side === 'right' ? 'ArrowLeft' : 'ArrowUp'
  const shrink = side === 'left' ? 'ArrowLeft' : side === 'right' ? 'ArrowRight' : 'ArrowDown'

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === grow ? value + KEY_STEP
      : e.key === shrink ? value - KEY_STEP
      : e.key === 'Home' ? PANE_LIMITS.min
      : e.key === 'End' ? PANE_LIMITS.max
      : undefined
    if (next === undefined) return
    e.preventDefault()
    onChange(next)
  }

  const percentAt = (e: PointerEvent<HTMLDivElement>): number | undefined => {
    const box = e.currentTarget.parentElement?.getBoundingClientRect()
    if (!box || box.width === 0 || box.height === 0) return undefined
    if (side === 'bottom') return ((box.bottom - e.clientY) / box.height) * 100
    const x = side === 'left' ? e.clientX - box.left : box.right - e.clientX
    return (x / box.width) * 100
  }

  return (
    <div
      role="separator"
      aria-orientation={side === 'bottom' ? 'horizontal' : 'vertical'}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={PANE_LIMITS.min}
      aria-valuemax={PANE_LIMITS.max}
      tabIndex={0}
      className={side === 'bottom' ? 'pane-separator pane-separator-h' : 'pane-separator'}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true
        e.currentTarget.setPointerCapture(e.pointerId)
      }}
      onPointerMove={(e) => {
        if (!dragging.current) return
        const p = percentAt(e)
        if (p !== undefined) onChange(p)
      }}
      onPointerUp={(e) => {
        dragging.current = false
        e.currentTarget.releasePointerCapture(e.pointerId)
      }}
    />
  )
}
