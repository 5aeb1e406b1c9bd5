/** The sentences a bad link or a refused file is explained with (from strings.ts). */
import type { LinkProblem } from '../../share/codec.ts'
import { MAX_HASH_CHARS } from '../../share/limits.ts'
import type { ImportProblem } from '../../persist/scenarioFile.ts'
import type { Lang } from '../../i18n/lang.ts'
import { shareStrings } from './strings.ts'

/** KiB, rounded up, as the messages give sizes. */
export function kib(chars: number): number {
  return Math.ceil(chars / 1024)
}

/** Why a link cannot be opened. */
export function linkProblemText(p: LinkProblem, lang: Lang = 'en'): string {
  const t = shareStrings[lang]
  switch (p.kind) {
    case 'too-long':
      return t.linkProblem.tooLong(kib(p.chars), kib(MAX_HASH_CHARS))
    case 'newer-version':
      return t.linkProblem.newer(p.version)
    case 'corrupt':
      return t.linkProblem.corrupt(t.linkProblem.layers[p.layer], p.detail)
  }
}

/** Why a file was not imported (the reason part of importRefused). */
export function importProblemText(p: ImportProblem, lang: Lang = 'en'): string {
  const t = shareStrings[lang]
  switch (p.reason) {
    case 'extension':
      return t.importWhy.extension
    case 'empty':
      return t.importWhy.empty
    case 'too-big':
      return t.importWhy.tooBig(kib(p.bytes))
    case 'binary':
      return t.importWhy.binary
    case 'yaml':
      return t.importWhy.yaml(p.detail)
    case 'no-objects':
      return t.importWhy.noObjects
  }
}
