/**
 * The terminal's colours in the app's two themes. Text colours meet WCAG AA (4.5:1) on the
 * terminal background in both; "bright black" is the muted colour of notes and the greeting.
 */
import type { ITheme } from '@xterm/xterm'

/** Light theme (white panel). */
export const LIGHT: ITheme = {
  background: '#ffffff',
  foreground: '#1d2430',
  cursor: '#1f5fbf',
  cursorAccent: '#ffffff',
  selectionBackground: '#b9d3f7',
  selectionForeground: '#1d2430',
  black: '#1d2430',
  red: '#b3261e',
  green: '#17703a',
  yellow: '#7a5600',
  blue: '#1f5fbf',
  magenta: '#8a3ea8',
  cyan: '#0b6a75',
  white: '#4a5565',
  brightBlack: '#556070',
  brightRed: '#9c1f18',
  brightGreen: '#125e30',
  brightYellow: '#6b4a00',
  brightBlue: '#184c99',
  brightMagenta: '#74318e',
  brightCyan: '#095a63',
  brightWhite: '#1d2430',
}

/** Dark theme. */
export const DARK: ITheme = {
  background: '#12161d',
  foreground: '#e4e8ee',
  cursor: '#8dbcf7',
  cursorAccent: '#12161d',
  selectionBackground: '#2f4a70',
  selectionForeground: '#f4f6f9',
  black: '#12161d',
  red: '#ff8f86',
  green: '#6fd39a',
  yellow: '#f3d48a',
  blue: '#8dbcf7',
  magenta: '#d9a6f0',
  cyan: '#79d3de',
  white: '#c9d1dc',
  brightBlack: '#a3adbb',
  brightRed: '#ffb0a9',
  brightGreen: '#94e3b5',
  brightYellow: '#f8e2ad',
  brightBlue: '#b3d3fa',
  brightMagenta: '#e6c2f5',
  brightCyan: '#a3e4ec',
  brightWhite: '#f4f6f9',
}
