/**
 * Dev-only: the harness's engine, in a worker like the App's, so the page's bundle has the App's
 * shape (engine and schema JSON not on the main thread). Text in, diagnostics out.
 */
import { Simulation } from '../../../engine/simulation.ts'
import type { Diagnostic } from '../../../engine/model/errors.ts'

function diagnose(text: string): Diagnostic[] {
  try {
    return new Simulation(text, 'harness.yaml').diagnostics
  } catch (err) {
    return [{ line: 1, col: 1, severity: 'error', message: `engine threw: ${err instanceof Error ? err.message : String(err)}` }]
  }
}

self.onmessage = (e: MessageEvent<{ seq: number; text: string }>) => {
  self.postMessage({ seq: e.data.seq, diagnostics: diagnose(e.data.text) })
}
