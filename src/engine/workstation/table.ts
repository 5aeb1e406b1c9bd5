/**
 * The boxed tables minikube prints (`minikube service`, `minikube service list`): the
 * olekukonko/tablewriter defaults minikube's PrintServiceList uses — upper-cased headers centred,
 * `|` borders and separators, cells left-aligned unless numeric (then right-aligned), and
 * multi-line cells (several ports of one Service) spread over several lines.
 */

/** tablewriter's `decimal` pattern: a cell line that is a number is right-aligned. */
const DECIMAL = /^-?(?:\d{1,3}(?:,\d{3})*|\d+)(?:\.\d+)?$/

/** tablewriter's Pad: the left gap is the floor of half the slack, the rest goes right. */
function centre(s: string, width: number): string {
  const gap = width - s.length
  if (gap <= 0) return s
  const left = Math.floor(gap / 2)
  return ' '.repeat(left) + s + ' '.repeat(gap - left)
}

/** Renders a bordered table as minikube prints it; `rows` may be shorter than `headers`. */
export function renderBoxTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const heads = headers.map((h) => h.toUpperCase())
  const cells = rows.map((r) => heads.map((_, i) => (r[i] ?? '').split('\n')))
  const widths = heads.map((h, i) => Math.max(h.length, ...cells.map((r) => Math.max(...r[i]!.map((l) => l.length)))))
  const border = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`
  let out = border
  out += `|${heads.map((h, i) => ` ${centre(h, widths[i]!)} `).join('|')}|\n`
  out += border
  for (const r of cells) {
    const height = Math.max(...r.map((c) => c.length))
    for (let line = 0; line < height; line++) {
      const parts = r.map((c, i) => {
        const text = c[line] ?? ''
        const w = widths[i]!
        return ` ${DECIMAL.test(text.trim()) ? text.padStart(w) : text.padEnd(w)} `
      })
      out += `|${parts.join('|')}|\n`
    }
  }
  return out + border
}
