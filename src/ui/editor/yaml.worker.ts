/** The monaco-yaml language worker (validation, completion, hover); loaded with Vite's `?worker`. */
import 'monaco-yaml/yaml.worker.js'
