/**
 * The speaker notes in a window of their own (for a second screen): opened from the presenter's
 * click, then rewritten whenever the step changes. Same origin (about:blank), so the page writes
 * into it directly; text only (textContent), never markup from the lessons.
 */

/** What the notes window shows. */
export interface NotesContent {
  /** The window's title. */
  title: string
  /** Lesson and step position, e.g. "Services and label selectors · Step 2 of 5". */
  where: string
  stepTitle: string
  notes: string
  narration: string
  /** "Hint: …". */
  hint: string
  /** "Next: …" or that this is the last step. */
  next: string
  lang: string
}

const NAME = 'k8s-playground-speaker-notes'
const STYLE = `
  body { font: 20px/1.5 system-ui, 'Noto Sans KR', sans-serif; margin: 24px; color: #000; background: #fff; }
  .where { color: #333; font-size: 16px; font-weight: 600; margin: 0; }
  h1 { font-size: 26px; margin: 4px 0 12px; }
  .notes { font-size: 24px; font-weight: 600; border-left: 6px solid #0b3d91; padding-left: 12px; }
  .narration, .hint { color: #222; }
  .next { color: #333; font-style: italic; }
`

let win: Window | null = null

/** Opens (or brings back) the notes window; false when the browser blocked it. */
export function openNotesWindow(): boolean {
  if (win && !win.closed) {
    win.focus()
    return true
  }
  win = window.open('', NAME, 'popup,width=560,height=680')
  if (!win) return false
  const doc = win.document
  doc.head.replaceChildren()
  const style = doc.createElement('style')
  style.textContent = STYLE
  doc.head.append(style)
  return true
}

/** Whether the notes window is open. */
export function notesWindowOpen(): boolean {
  return win !== null && !win.closed
}

/** Writes the notes into the window (when it is open). */
export function showInNotesWindow(c: NotesContent): void {
  if (!win || win.closed) return
  const doc = win.document
  doc.title = c.title
  doc.documentElement.lang = c.lang
  const el = (tag: string, cls: string, text: string) => {
    const e = doc.createElement(tag)
    e.className = cls
    e.textContent = text
    return e
  }
  doc.body.replaceChildren(
    el('p', 'where', c.where),
    el('h1', 'title', c.stepTitle),
    el('p', 'notes', c.notes),
    el('p', 'narration', c.narration),
    el('p', 'hint', c.hint),
    el('p', 'next', c.next),
  )
}

/** Closes the notes window. */
export function closeNotesWindow(): void {
  if (win && !win.closed) win.close()
  win = null
}
