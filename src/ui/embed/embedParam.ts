/**
 * Embed mode from the address: `?embed=1` shows the compact layout for an iframe on a course
 * page; `&panes=editor,terminal` adds those panes. A query parameter, not part of the share
 * link's hash, so a course page embeds any share link as it is: `/?embed=1#v1.…`.
 */

/** The query parameter that turns embed mode on. */
export const EMBED_PARAM = 'embed'
/** The query parameter listing the extra panes. */
export const PANES_PARAM = 'panes'

/** The panes an embed may add to the diagram and the inspector. */
export type EmbedPane = 'editor' | 'terminal'

const PANES: readonly EmbedPane[] = ['editor', 'terminal']

/** Whether the query asks for embed mode (`?embed=1`, `?embed=true` or a bare `?embed`). */
export function embedRequested(search: string): boolean {
  const v = new URLSearchParams(search).get(EMBED_PARAM)
  return v !== null && v !== '0' && v !== 'false'
}

/** The extra panes the query asks for, in a fixed order; unknown names are ignored. */
export function embedPanes(search: string): EmbedPane[] {
  const asked = (new URLSearchParams(search).get(PANES_PARAM) ?? '').split(',').map((s) => s.trim().toLowerCase())
  return PANES.filter((p) => asked.includes(p))
}

/**
 * The full playground for the same link: this page's URL without the embed parameters, with the
 * share link's hash (`hash`, as the page was opened: the app drops it from the address bar once
 * the link is open).
 */
export function playgroundUrl(href: string, hash: string): string {
  const u = new URL(href)
  u.searchParams.delete(EMBED_PARAM)
  u.searchParams.delete(PANES_PARAM)
  u.hash = hash
  return u.toString()
}
