/**
 * The current step's live check: passed (✓, with what it saw) or not yet (with what is missing).
 * Screen readers hear a pass through the announcer (LessonAnnouncer), not from here, so a check
 * that flips while the user types is not read out on every change.
 */
import { pick } from '../../i18n/lang.ts'
import { useLang } from '../i18n/useLang.ts'
import { useLessonRuntime } from './lessonController.ts'
import { RichText } from './RichText.tsx'
import { lessonStrings as t } from './strings.ts'

/** The check's status box. */
export function CheckStatus({ className = '' }: { className?: string }) {
  const lang = useLang()
  const check = useLessonRuntime((s) => s.check)
  if (!check) return null
  const detail = check.detail ? pick(check.detail, lang) : ''
  return (
    <div className={`lesson-check ${check.pass ? 'pass' : 'pending'} ${className}`} data-testid="lesson-check" data-pass={check.pass}>
      <span className="lesson-check-mark" aria-hidden="true">{check.pass ? '✓' : '○'}</span>
      <span>
        <strong>{pick(t.check, lang)}: {pick(check.pass ? t.checkPassed : t.checkPending, lang)}</strong>
        {detail && (
          <>
            {' — '}
            <RichText text={detail} />
          </>
        )}
      </span>
    </div>
  )
}
