/** Embed mode's query parameters and the "Open in playground" address. */
import { describe, expect, it } from 'vitest'
import { embedPanes, embedRequested, playgroundUrl } from './embedParam.ts'

describe('embed parameters', () => {
  it.each([
    ['?embed=1', true],
    ['?embed=true', true],
    ['?embed', true],
    ['?present=1&embed=1', true],
    ['?embed=0', false],
    ['?embed=false', false],
    ['', false],
    ['?embedded=1', false],
  ])('%s → embed %s', (search, want) => expect(embedRequested(search)).toBe(want))

  it.each([
    ['?embed=1', []],
    ['?embed=1&panes=editor', ['editor']],
    ['?embed=1&panes=terminal,editor', ['editor', 'terminal']],
    ['?embed=1&panes=Editor,%20terminal,shell', ['editor', 'terminal']],
  ])('%s → panes %j', (search, want) => expect(embedPanes(search)).toEqual(want))

  it('opens the same page and link without the embed parameters', () => {
    expect(playgroundUrl('https://example.org/play/?embed=1&panes=editor&lang=ko', '#v1.abc')).toBe('https://example.org/play/?lang=ko#v1.abc')
    expect(playgroundUrl('http://127.0.0.1:4187/?embed=1', '')).toBe('http://127.0.0.1:4187/')
  })
})
