import { describe, expect, it } from 'vitest'
import { detectLang } from './lang.ts'

describe('detectLang', () => {
  it.each([
    [['ko-KR', 'en-US'], 'ko'],
    [['en-GB', 'ko'], 'en'],
    [['fr-FR', 'ko-KR'], 'ko'],
    [['fr-FR', 'de'], 'en'],
    [[], 'en'],
    [undefined, 'en'],
    [['KO'], 'ko'],
  ] as const)('%j → %s', (langs, want) => {
    expect(detectLang(langs)).toBe(want)
  })
})
