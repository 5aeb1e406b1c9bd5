/** Lesson text with `backticks` shown as code (commands and field names), nothing else interpreted. */
import { Fragment } from 'react'

/** Renders `text`; each `…` span becomes a <code> element. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/)
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  )
}
