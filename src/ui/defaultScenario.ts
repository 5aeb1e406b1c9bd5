/** The scenario the app opens with (text imported at build time; the worker never imports scenarios). */
import text from '../scenarios/kubia-nodeport.yaml?raw'

/** The default scenario's text and file name. */
export const DEFAULT_SCENARIO: { readonly text: string; readonly file: string } = { text, file: 'kubia-nodeport.yaml' }
