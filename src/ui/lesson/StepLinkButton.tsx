/** "Copy link to this step": copies the link, or shows it in a field when the clipboard is refused. */
import { useEffect, useRef, useState } from 'react'
import { pick } from '../../i18n/lang.ts'
import type { Lesson } from '../../lessons/types.ts'
import { useLang } from '../i18n/useLang.ts'
import { useAppStore } from '../useAppStore.ts'
import { copyText, stepLink } from './stepLink.ts'
import { lessonStrings as t } from './strings.ts'

/** The button and its outcome. */
export function StepLinkButton({ lesson, index, className = 'link-button' }: { lesson: Lesson; index: number; className?: string }) {
  const lang = useLang()
  const present = useAppStore((s) => s.presenter.on)
  const [outcome, setOutcome] = useState<{ copied: boolean; url: string } | null>(null)
  const field = useRef<HTMLInputElement>(null)
  useEffect(() => setOutcome(null), [lesson, index])
  useEffect(() => {
    if (outcome && !outcome.copied) field.current?.select()
  }, [outcome])
  const onCopy = async () => {
    const url = await stepLink(lesson, index, window.location.href, present)
    setOutcome({ copied: await copyText(url), url })
  }
  return (
    <div className="lesson-link">
      <button type="button" className={className} onClick={() => void onCopy()} title={pick(t.copyStepLinkTitle, lang)}>
        {pick(t.copyStepLink, lang)}
      </button>
      <span role="status" className="lesson-link-status">
        {outcome?.copied ? pick(t.linkCopied, lang) : ''}
      </span>
      {outcome && !outcome.copied && (
        <label className="lesson-link-field">
          {pick(t.linkNotCopied, lang)}
          <input ref={field} readOnly value={outcome.url} aria-label={pick(t.linkField, lang)} data-testid="lesson-step-link" />
        </label>
      )}
    </div>
  )
}
