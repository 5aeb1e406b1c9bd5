/** How things are shown: theme, large text for projection, reply packets, reduced motion. */
import { strings } from '../strings.ts'
import { useStrings } from '../i18n/useStrings.ts'
import { useAppStore } from '../useAppStore.ts'

function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange(on: boolean): void }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  )
}

/** The view group of the toolbar. */
export function ViewToggles() {
  const t = useStrings(strings)
  const theme = useAppStore((s) => s.theme)
  const largeText = useAppStore((s) => s.largeText)
  const animation = useAppStore((s) => s.animation)
  const setTheme = useAppStore((s) => s.setTheme)
  const setLargeText = useAppStore((s) => s.setLargeText)
  const setAnimation = useAppStore((s) => s.setAnimation)
  return (
    <div className="control-group" role="group" aria-label={t.viewGroup}>
      <Toggle label={t.darkTheme} checked={theme === 'dark'} onChange={(on) => setTheme(on ? 'dark' : 'light')} />
      <Toggle label={t.largeText} checked={largeText} onChange={setLargeText} />
      <Toggle label={t.showReplies} checked={animation.showReplies} onChange={(on) => setAnimation({ showReplies: on })} />
      <Toggle label={t.reduceMotion} checked={animation.reducedMotion} onChange={(on) => setAnimation({ reducedMotion: on })} />
    </div>
  )
}
