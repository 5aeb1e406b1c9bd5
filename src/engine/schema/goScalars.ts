/**
 * The string parsers behind Go types with their own JSON decoding, returning the exact error
 * text the API server prints (or undefined when the value is accepted).
 */
import { utf8Bytes } from '../util/utf8.ts'

/** UTF-8 bytes of a string (Go indexes base64 errors by byte). */
const utf8 = (s: string): number[] => [...utf8Bytes(s)]

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const PAD = 61 // '='
const isNewline = (b: number): boolean => b === 10 || b === 13

/**
 * []byte fields decode standard padded base64; this mirrors encoding/base64 decodeQuantum
 * (newlines skipped, `illegal base64 data at input byte N` at the first bad byte).
 */
export function base64Error(s: string): string | undefined {
  const src = utf8(s)
  const corrupt = (at: number): string => `illegal base64 data at input byte ${at}`
  let si = 0
  while (si < src.length) {
    let j = 0
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined
        return corrupt(si - j)
      }
      const b = src[si++]!
      if (b < 128 && B64.includes(String.fromCharCode(b))) continue
      if (isNewline(b)) {
        j--
        continue
      }
      if (b !== PAD) return corrupt(si - 1)
      // Padding: only valid as the 3rd or 4th character of a quantum, and must end the input.
      if (j === 0 || j === 1) return corrupt(si - 1)
      if (j === 2) {
        while (si < src.length && isNewline(src[si]!)) si++
        if (si === src.length) return corrupt(src.length)
        if (src[si] !== PAD) return corrupt(si - 1)
        si++
      }
      while (si < src.length && isNewline(src[si]!)) si++
      if (si < src.length) return corrupt(si)
      return undefined
    }
  }
  return undefined
}

/** k8s.io/apimachinery/pkg/api/resource ErrFormatWrong. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

const QUANTITY_SPLIT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/
const QUANTITY_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'])

/** resource.ParseQuantity errors (ErrFormatWrong, ErrNumeric, ErrSuffix) for a quantity's text. */
export function quantityError(text: string): string | undefined {
  const s = text.trim()
  const m = QUANTITY_SPLIT.exec(s)
  if (s === '' || m === null) return QUANTITY_FORMAT_ERROR
  const num = m[1]!
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(num)) return 'unable to parse numeric part of quantity'
  const suffix = m[2]!
  if (QUANTITY_SUFFIXES.has(suffix) || /^[eE][-+]?\d+$/.test(suffix)) return undefined
  return "unable to parse quantity's suffix"
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * metav1.Time parses RFC 3339. Go's time.ParseError names the first layout element that did
 * not match; this reports the common whole-value form (exact when the year is already wrong).
 */
export function timeError(s: string): string | undefined {
  if (RFC3339.test(s)) return undefined
  const layout = '2006-01-02T15:04:05Z07:00'
  return `parsing time ${JSON.stringify(s)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(s)} as "2006"`
}

const DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$/

/** time.ParseDuration errors for metav1.Duration fields. */
export function durationError(s: string): string | undefined {
  if (s === '0' || s === '+0' || s === '-0' || DURATION.test(s)) return undefined
  const q = JSON.stringify(s)
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return `time: missing unit in duration ${q}`
  const unit = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)([^\d.]+)/.exec(s)
  if (unit && !/^(ns|us|µs|μs|ms|s|m|h)/.test(unit[1]!)) return `time: unknown unit ${JSON.stringify(unit[1])} in duration ${q}`
  return `time: invalid duration ${q}`
}
