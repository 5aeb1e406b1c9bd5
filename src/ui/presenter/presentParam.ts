/**
 * Presenter mode from the address: `?present=1` opens the app in presenter mode (a query
 * parameter, not part of the share link's hash, so it survives the share link being opened).
 */

/** The query parameter. */
export const PRESENT_PARAM = 'present'

/** Whether the page's query asks for presenter mode (`?present=1`, `?present=true` or a bare `?present`). */
export function presentRequested(search: string): boolean {
  const v = new URLSearchParams(search).get(PRESENT_PARAM)
  return v !== null && v !== '0' && v !== 'false'
}
