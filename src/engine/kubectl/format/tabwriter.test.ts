import { describe, expect, test } from 'vitest'
import { DESCRIBE_TABWRITER, TABLE_TABWRITER, TabWriter, tabwrite } from './tabwriter.ts'

describe('tabwrite (Go text/tabwriter semantics)', () => {
  test.each([
    {
      name: 'table: column = widest cell + 3, last cell unpadded',
      settings: TABLE_TABWRITER,
      input: 'NAME\tAGE\nkubernetes\t5m\n',
      want: 'NAME         AGE\nkubernetes   5m\n',
    },
    {
      name: 'table: minwidth 6 applies to short columns',
      settings: TABLE_TABWRITER,
      input: 'A\tB\nx\ty\n',
      want: 'A     B\nx     y\n',
    },
    {
      name: 'an empty trailing cell still pads the cell before it',
      settings: TABLE_TABWRITER,
      input: 'NAME\tENDPOINTS\tAGE\nfoo\t\t1s\n',
      want: 'NAME   ENDPOINTS   AGE\nfoo                1s\n',
    },
    {
      name: 'describe: a line without a tab ends the column block',
      settings: DESCRIBE_TABWRITER,
      input: 'Name:\tx\nIPs:\n  IP:\ty\nControlled By:\tz\n',
      want: 'Name:  x\nIPs:\n  IP:           y\nControlled By:  z\n',
    },
    {
      name: 'describe: a column only spans lines that have a tab-terminated cell in it',
      settings: DESCRIBE_TABWRITER,
      input: 'a\tb\tc\naaaa\td\n',
      want: 'a     b  c\naaaa  d\n',
    },
    {
      name: 'text without a final newline keeps its last line unterminated',
      settings: DESCRIBE_TABWRITER,
      input: 'k:\tv\nrest',
      want: 'k:  v\nrest',
    },
    {
      name: 'widths count runes, not bytes',
      settings: DESCRIBE_TABWRITER,
      input: 'é:\t1\nab:\t2\n',
      want: 'é:   1\nab:  2\n',
    },
  ])('$name', ({ settings, input, want }) => {
    expect(tabwrite(input, settings)).toBe(want)
  })

  test('TabWriter.flush starts new column widths', () => {
    const tw = new TabWriter(DESCRIBE_TABWRITER)
    tw.write('Long key:\tv\n')
    tw.flush()
    tw.write('k:\tv\n')
    expect(tw.toString()).toBe('Long key:  v\nk:  v\n')
  })
})
